export { isAllowedExternalUrl } from '../../vm-backend/api/external-links';
