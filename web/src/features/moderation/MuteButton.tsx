import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchSafety, mute, unmute } from './moderation.api.js';

/** Mute or unmute an account: their notes and comments stop showing to me; they are not told. */
export function MuteButton({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const safety = useQuery({ queryKey: ['safety'], queryFn: fetchSafety });
  const muted = safety.data?.muted.some((u) => u.id === userId) ?? false;
  const toggle = useMutation({
    mutationFn: () => (muted ? unmute(userId) : mute(userId)),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['safety'] }),
  });
  return (
    <button type="button" className="btn btn-small btn-ghost" disabled={!safety.data || toggle.isPending} onClick={() => toggle.mutate()}>
      {muted ? t('moderation.unmute') : t('moderation.mute')}
    </button>
  );
}
