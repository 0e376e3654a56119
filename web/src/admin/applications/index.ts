export { WebhookAdmin } from './WebhookAdmin.tsx';
export { SupervisorAdmin } from './SupervisorAdmin.tsx';
