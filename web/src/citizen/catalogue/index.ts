export { CatalogueHome } from './CatalogueHome.tsx';
export { ServicePage } from './ServicePage.tsx';
export { VersionPage, VersionsPage } from './VersionsPage.tsx';
export { PointPage, PointsPage } from './PointsPage.tsx';
