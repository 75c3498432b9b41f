// GOV.UK Frontend's components, started from a file PeerPay serves (the content security policy allows no inline script).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();
