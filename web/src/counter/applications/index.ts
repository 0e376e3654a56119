export { DeskApplicant, DeskCheck, DeskDocuments, DeskPickService, DeskReceipt } from './FileForResident.tsx';
