// What the Analytics page and the Overview use of the anomaly flags: the panel (with its compact
// Overview variant).
export { AnomaliesPanel } from './AnomaliesPanel';
