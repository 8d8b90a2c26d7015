import type { AppContext } from '../context.js';
import type { KuaanApp } from '../plugins/types.js';

/**
 * Feature modules register their routes and event subscribers here, in one list, so the app's whole
 * surface can be read in one place.
 */
export function registerModules(_app: KuaanApp, _ctx: AppContext): void {}
