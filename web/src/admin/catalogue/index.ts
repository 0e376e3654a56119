export { ServicesAdmin } from './ServicesAdmin.tsx';
export { ServiceCreate, ServiceEdit } from './ServiceEditor.tsx';
export { ServiceHistory } from './ServiceHistory.tsx';
export { AgenciesAdmin, AgencyForm } from './AgenciesAdmin.tsx';
export { PointEditor, PointsAdmin } from './PointsAdmin.tsx';
export { CalendarAdmin } from './CalendarAdmin.tsx';
export { CsvAdmin } from './CsvAdmin.tsx';
