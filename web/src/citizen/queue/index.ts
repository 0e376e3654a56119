export { QueueHome } from './QueueHome.tsx';
export { BookSlot } from './BookSlot.tsx';
export { BookingPage } from './BookingPage.tsx';
export { LiveTicket } from './LiveTicket.tsx';
export { Kiosk } from './Kiosk.tsx';
