export { CitizenHome } from './CitizenHome.tsx';
export { CitizenSignIn } from './CitizenSignIn.tsx';
export { CitizenDashboard } from './CitizenDashboard.tsx';
export { MyData } from './MyData.tsx';
