import type { AppContext } from '../../context.js';
import type { KuaanApp } from '../../plugins/types.js';

// Placeholder: the module's routes are being written.
export function socialRoutes(_app: KuaanApp, _ctx: AppContext): void {}
