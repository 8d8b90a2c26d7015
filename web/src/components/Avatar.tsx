import type { Image } from '../api/types.js';

/** A round avatar: the person's picture, or the first letter of their name on a warm disc. */
export function Avatar({ user, size = 28 }: { user: { displayName: string; handle: string; avatar: Image | null }; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.45 };
  const src = user.avatar ? smallestVariant(user.avatar, size * 2) : null;
  if (src) return <img className="avatar" src={src} alt="" width={size} height={size} style={style} />;
  const initial = [...(user.displayName || user.handle)][0]?.toUpperCase() ?? '?';
  return (
    <span className="avatar" style={style} aria-hidden="true">
      {initial}
    </span>
  );
}

/** The smallest variant at least `width` wide (variants are largest first). */
export function smallestVariant(image: Image, width: number): string | null {
  const fitting = image.variants.filter((v) => v.width >= width);
  return (fitting.at(-1) ?? image.variants[0])?.url ?? null;
}
