// The cost centres and assignments as stored, and the customer's option: the assignment board reads them too.
export { useAssignments, useCostCenterOption, useCostCenters } from './queries';
