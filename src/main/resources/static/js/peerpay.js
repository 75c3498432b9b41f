// GOV.UK Frontend's components, started from a file PeerPay serves (the content security policy allows no inline script).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();

// A file input in a drop zone takes files dragged onto the zone too, and says which files are chosen. Without
// JavaScript the input works as it is.
document.querySelectorAll('[data-peerpay-drop-zone]').forEach(zone => {
    const input = zone.querySelector('input[type=file]');
    const status = zone.querySelector('[data-peerpay-drop-status]');
    const show = () => {
        const names = Array.from(input.files).map(file => file.name);
        status.textContent = names.length === 0 ? ''
            : (names.length === 1 ? '1 file chosen: ' : names.length + ' files chosen: ') + names.join(', ');
    };
    zone.addEventListener('dragover', event => {
        event.preventDefault();
        zone.classList.add('peerpay-drop-zone--over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('peerpay-drop-zone--over'));
    zone.addEventListener('drop', event => {
        event.preventDefault();
        zone.classList.remove('peerpay-drop-zone--over');
        input.files = event.dataTransfer.files;
        show();
    });
    input.addEventListener('change', show);
    zone.dataset.peerpayReady = 'true';
});
