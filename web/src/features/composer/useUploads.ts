import { useCallback, useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../../contract/limits.js';
import { uploadImage } from '../../api/upload.js';
import type { Image } from '../../api/types.js';

export interface UploadItem {
  key: string;
  name: string;
  preview: string;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  image: Image | null;
  error: string | null;
  alt: string;
}

let seq = 0;

/** The smallest variant is plenty for a thumbnail in the picker. */
function thumbUrl(image: Image): string {
  return image.variants[image.variants.length - 1]?.url ?? '';
}

/** A photo already on the note being edited: uploaded long ago, nothing to revoke. */
function existingItem(image: Image): UploadItem {
  return { key: `u${++seq}`, name: '', preview: thumbUrl(image), progress: 1, status: 'done', image, error: null, alt: image.alt };
}

/**
 * Photos picked for a note: each uploads at once with its own progress; order and alt text are kept here.
 * `initial` seeds the list with a note's current photos when it is edited.
 */
export function useUploads(describe: (e: unknown) => string, initial: readonly Image[] = []) {
  const [items, setItems] = useState<UploadItem[]>(() => initial.map(existingItem));
  const controllers = useRef(new Map<string, AbortController>());
  const update = useCallback((key: string, patch: Partial<UploadItem>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));
  }, []);

  useEffect(() => {
    const live = controllers.current;
    return () => {
      for (const c of live.values()) c.abort();
    };
  }, []);

  /** Adds files up to the limit; returns how many were left out. */
  const add = (files: File[], current: number): number => {
    const room = Math.max(0, LIMITS.noteImages.max - current);
    const accepted = files.slice(0, room);
    const fresh = accepted.map<UploadItem>((file) => ({
      key: `u${++seq}`,
      name: file.name,
      preview: URL.createObjectURL(file),
      progress: 0,
      status: 'uploading',
      image: null,
      error: null,
      alt: '',
    }));
    setItems((list) => [...list, ...fresh]);
    fresh.forEach((item, i) => {
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      uploadImage(accepted[i]!, (progress) => update(item.key, { progress }), controller.signal)
        .then((image) => update(item.key, { status: 'done', image, progress: 1 }))
        .catch((e: unknown) => update(item.key, { status: 'failed', error: describe(e) }))
        .finally(() => controllers.current.delete(item.key));
    });
    return files.length - accepted.length;
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    setItems((list) => {
      const gone = list.find((it) => it.key === key);
      if (gone?.preview.startsWith('blob:')) URL.revokeObjectURL(gone.preview);
      return list.filter((it) => it.key !== key);
    });
  };

  const move = (key: string, by: number) =>
    setItems((list) => {
      const from = list.findIndex((it) => it.key === key);
      const to = from + by;
      if (from < 0 || to < 0 || to >= list.length) return list;
      const next = [...list];
      const [it] = next.splice(from, 1);
      next.splice(to, 0, it!);
      return next;
    });

  const moveTo = (key: string, toKey: string) =>
    setItems((list) => {
      const from = list.findIndex((it) => it.key === key);
      const to = list.findIndex((it) => it.key === toKey);
      if (from < 0 || to < 0 || from === to) return list;
      const next = [...list];
      const [it] = next.splice(from, 1);
      next.splice(to, 0, it!);
      return next;
    });

  const setAlt = (key: string, alt: string) => update(key, { alt });

  return { items, add, remove, move, moveTo, setAlt };
}
