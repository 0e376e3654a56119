export { Alert, ErrorAlert } from './Alert.tsx';
export { Badge } from './Badge.tsx';
export { Button, ButtonLink } from './Button.tsx';
export { Card, FeatureGrid, type Feature } from './Card.tsx';
export { Field, SelectField, TextField } from './Field.tsx';
export { Loading, Spinner } from './Loading.tsx';
export { PageHeader, usePageTitle } from './PageHeader.tsx';
export { Table, type Column } from './Table.tsx';
