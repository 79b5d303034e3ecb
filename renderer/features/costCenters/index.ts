// Other features link to this one by its route (app/router/routes.ts); the split dialog of the
// assignments borrows its modal dialog.
export { ModalDialog } from './ModalDialog';
