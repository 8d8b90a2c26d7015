import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProfile } from '../../api/auth.js';
import { follow, unfollow } from '../../api/social.js';

/** Follow / unfollow someone; reads and refreshes their profile for the current state. */
export function FollowButton({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const profile = useQuery({ queryKey: ['profile', handle], queryFn: () => fetchProfile(handle) });
  const following = profile.data?.viewer.following ?? false;
  const toggle = useMutation({
    mutationFn: () => (following ? unfollow(handle) : follow(handle)),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['profile', handle] });
      void client.invalidateQueries({ queryKey: ['feed', { kind: 'following' }] });
    },
  });
  if (!profile.data || profile.data.viewer.isMe) return null;
  return (
    <button
      type="button"
      className={`btn btn-small ${following ? '' : 'btn-primary'}`}
      disabled={toggle.isPending}
      onClick={() => toggle.mutate()}
    >
      {following ? t('profile.unfollow') : t('profile.follow')}
    </button>
  );
}
