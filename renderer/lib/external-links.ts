export { isAllowedExternalUrl } from '../../vm-backend/api/rules/external-links';
