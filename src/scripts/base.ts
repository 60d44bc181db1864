// The site's base path, with its trailing slash (`/` or `/broadsheet/`): every link a script makes
// is under it. A module of its own, so the script every page loads takes nothing else with it.
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
