// What other features may use of the designations: the names hook and the inline renaming cell.
export { DesignationName } from './DesignationName';
export { useNames, type Names } from './useNames';
export { WaitingMark } from './WaitingMark';
