export { QueueAdmin, QUEUE_ADMIN_PATH } from './QueueAdmin.tsx';
