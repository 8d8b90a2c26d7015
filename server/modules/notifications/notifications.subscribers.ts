import type { AppContext } from '../../context.js';

// Placeholder: subscribers to domain events are being written.
export function subscribeNotifications(_ctx: AppContext): void {}
