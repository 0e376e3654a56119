export { AdminHome } from './AdminHome.tsx';
export { AdminUsers } from './AdminUsers.tsx';
export { AdminTokens } from './AdminTokens.tsx';
export { AdminOutbox } from './AdminOutbox.tsx';
export { AdminAudit } from './AdminAudit.tsx';
