export { TELEMETRY } from './names';
