export { buildApp, DEFAULT_WEB_DIST, type BuildAppOptions } from './app';
export { startServer, type RunningServer, type StartServerInput } from './server';
export { RIGHTLY_VERSION } from './version';
export { createPasswordResetDelivery, type PasswordResetDelivery } from './password-reset-delivery';
