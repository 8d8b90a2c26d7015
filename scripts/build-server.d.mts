// Types for scripts/build-server.mjs, which stays plain JavaScript so that bin/kuaan.mjs can use it without tsx.
export function isServerBuildFresh(root?: string): boolean;
export function buildServer(root?: string): Promise<number>;
