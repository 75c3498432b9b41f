// The service user page's charts, drawn with Chart.js from the tables beneath them (which are what a reader without
// JavaScript, or with a screen reader, uses instead).
function series(tableId) {
    const rows = Array.from(document.querySelectorAll('#' + tableId + ' tbody tr'));
    return {
        labels: rows.map(row => row.cells[0].textContent.trim()),
        values: rows.map(row => Number(row.dataset.value))
    };
}

// -£50.00, as the pages write money
const pounds = value => (Number(value) < 0 ? '-£' : '£')
    + Math.abs(Number(value)).toLocaleString('en-GB', {minimumFractionDigits: 2, maximumFractionDigits: 2});

function draw(canvasId, tableId, type, label, colour) {
    const canvas = document.getElementById(canvasId);
    const data = series(tableId);
    if (!canvas || data.values.length === 0 || typeof Chart === 'undefined') {
        return;
    }
    new Chart(canvas, {
        type: type,
        data: {
            labels: data.labels,
            datasets: [{label: label, data: data.values, borderColor: colour, backgroundColor: colour,
                stepped: type === 'line' ? 'after' : false, pointRadius: type === 'line' ? 3 : 0}]
        },
        options: {
            animation: false,
            maintainAspectRatio: false,
            plugins: {legend: {display: false}, tooltip: {callbacks: {label: item => pounds(item.parsed.y)}}},
            scales: {y: {ticks: {callback: pounds}}}
        }
    });
}

draw('balance-chart', 'balance-table', 'line', 'Balance', '#1d70b8');
draw('spend-chart', 'spend-table', 'bar', 'Spent', '#d4351c');
