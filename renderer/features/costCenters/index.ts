// Nothing of this feature is used elsewhere yet: other features link to it by its route (app/router/routes.ts).
export {};
