import { v7 } from 'uuid';

/** A new time-sortable id (UUIDv7): ids sort in creation order, so they double as cursor tie-breakers. */
export function newId(): string {
  return v7();
}
