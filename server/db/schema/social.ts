export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  created_at: number;
}

export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: number;
}

export interface NoteLikesTable {
  note_id: string;
  user_id: string;
  created_at: number;
}

export interface BoardsTable {
  id: string;
  owner_id: string;
  name: string;
  visibility: 'public' | 'private';
  collect_count: number;
  created_at: number;
}

export interface CollectsTable {
  note_id: string;
  user_id: string;
  board_id: string | null;
  created_at: number;
}
