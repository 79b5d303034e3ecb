export { UpdateOffer } from './UpdateOffer';
export { UpdateSettings } from './UpdateSettings';
