export { CitizenHome } from './CitizenHome.tsx';
export { ServiceSearch } from './ServiceSearch.tsx';
export { CitizenSignIn } from './CitizenSignIn.tsx';
export { CitizenDashboard } from './CitizenDashboard.tsx';
export { MyData } from './MyData.tsx';
