export { ImportPage } from './ImportPage';
export { ImportButton } from './ImportButton';
