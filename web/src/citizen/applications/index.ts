export { ApplyService, ApplyStart } from './ApplyStart.tsx';
export { ApplicationForm } from './ApplicationForm.tsx';
export { ApplicationDetail, ApplicationSent, MyApplications } from './MyApplications.tsx';
export { CheckPage, TrackPage } from './TrackPage.tsx';
