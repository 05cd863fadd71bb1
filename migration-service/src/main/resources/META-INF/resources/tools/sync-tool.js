// Customer Sync and Order Sync: compare, page through the differences, select, confirm, migrate,
// follow the progress, show the results. Plain DOM; every call goes to the page's own paths.
(function () {
  'use strict';
  const main = document.getElementById('main');
  const tool = main.dataset.tool;
  const orders = main.dataset.kind === 'orders';
  const noun = main.dataset.noun;
  const nouns = main.dataset.nouns;
  const PAGE_SIZE = 50;
  const $ = (id) => document.getElementById(id);
  const titles = { woocommerce: 'WooCommerce', shopify: 'Shopify' };
  const OUTCOMES = { created: 'migrated', draft: 'draft created', alreadyMigrated: 'already migrated',
    existed: 'already there, linked', foundAfterTimeout: 'migrated (confirmed after a timeout)' };

  let comparison = null;   // the last compare answer (one page)
  let source = 'woocommerce';
  const selected = new Map(); // source id -> label

  async function call(method, path, body) {
    const response = await fetch(tool + path, {
      method,
      credentials: 'same-origin',
      headers: Object.assign({ 'Accept': 'application/json', 'X-Requested-With': 'JavaScript' },
        body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined
    });
    if (response.status === 499 || response.status === 401) {
      throw new Error('Your session has ended. Reload the page to log in again.');
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      throw new Error(json.detail || json.title || ('The service answered HTTP ' + response.status));
    }
    return json;
  }

  function status(text) { $('status').textContent = text || ''; }
  function error(text) {
    $('error').hidden = !text;
    $('error').textContent = text || '';
  }
  function busy(on) {
    $('compare').disabled = on;
    $('compare').setAttribute('aria-busy', on ? 'true' : 'false');
  }

  $('compare-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    source = $('source').value;
    error(null);
    selected.clear();
    $('outcome').hidden = true;
    busy(true);
    status('Comparing ' + nouns + ' of ' + titles[source] + ' with ' + titles[other(source)] + '…');
    try {
      comparison = await call('POST', '/compare?size=' + PAGE_SIZE, { sourceOfTruth: source });
      status('');
      render();
      $('summary-heading').focus();
    } catch (e) {
      status('');
      error(e.message);
    } finally {
      busy(false);
    }
  });

  function orderLabel(number) { return String(number).startsWith('#') ? number : '#' + number; }

  function other(platform) { return platform === 'woocommerce' ? 'shopify' : 'woocommerce'; }

  function render() {
    const s = comparison.summary;
    const src = titles[source], dst = titles[other(source)];
    const cells = orders
      ? [[src + ' orders', s.sourceOrderCount], [dst + ' orders', s.destinationOrderCount], ['Matched', s.matchedOrders],
         ['Only in ' + src, s.ordersOnlyInSource], ['Ambiguous', s.ambiguous]]
      : [[src + ' customers', s.sourceCustomerCount], [dst + ' customers', s.destinationCustomerCount], ['Matched', s.matchedCustomers],
         ['Only in ' + src, s.customersOnlyInSource], ['Ambiguous', s.ambiguous]];
    $('summary').replaceChildren(...cells.map(([label, value]) => {
      const div = document.createElement('div');
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = value;
      div.append(dt, dd);
      return div;
    }));
    $('results').hidden = false;
    const none = comparison.totalDifferences === 0;
    $('empty').hidden = !none;
    $('empty').textContent = 'No differences: every ' + noun + ' in ' + src + ' exists in ' + dst + '.';
    $('differences').hidden = none;
    $('export').href = tool + '/compare/' + comparison.comparisonId + '.csv';
    $('export').setAttribute('download', nouns + '-only-in-' + source + '.csv');
    renderRows();
  }

  function renderRows() {
    const rows = comparison.differences.map((d) => {
      const id = orders ? d.sourceOrderId : d.sourceCustomerId;
      const label = orders ? orderLabel(d.orderNumber) : (d.email || (d.firstName + ' ' + d.lastName));
      const tr = document.createElement('tr');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'row-select';
      box.dataset.id = id;
      box.checked = selected.has(id);
      box.setAttribute('aria-label', 'Select ' + label);
      box.addEventListener('change', () => { toggle(id, label, box.checked); });
      const first = document.createElement('td'); first.append(box);
      tr.append(first);
      const values = orders
        ? [d.orderNumber, d.email || '(none)', d.totalPrice, (d.createdAt || '').substring(0, 10),
           d.financialStatus + ' · ' + d.fulfillmentStatus, d.lineItemCount]
        : [d.email || '(none)', d.firstName, d.lastName, d.phone || '', d.sourceCustomerId];
      values.forEach((value, i) => {
        const td = document.createElement('td');
        td.textContent = value == null ? '' : value;
        if (orders && (i === 2 || i === 5)) td.className = 'number';
        tr.append(td);
      });
      const match = document.createElement('td');
      const tag = document.createElement('span');
      tag.className = 'tag' + (d.matchStatus === 'ambiguous' ? ' ambiguous' : '');
      tag.textContent = d.matchStatus === 'ambiguous' ? 'ambiguous' : 'only in source';
      const note = document.createElement('div');
      note.className = 'note';
      note.textContent = d.matchNote + (orders && d.warnings && d.warnings.length ? ' · ' + d.warnings.join(' · ') : '');
      match.append(tag, note);
      tr.append(match);
      return tr;
    });
    $('rows').replaceChildren(...rows);
    const pages = Math.max(1, Math.ceil(comparison.totalDifferences / comparison.size));
    $('page-label').textContent = 'Page ' + comparison.page + ' of ' + pages + ' (' + comparison.totalDifferences + ' ' + nouns + ')';
    $('previous').disabled = comparison.page <= 1;
    $('next').disabled = comparison.page >= pages;
    const selectable = comparison.differences.filter((d) => d.matchStatus !== 'ambiguous');
    $('select-all').checked = selectable.length > 0 && selectable.every((d) => selected.has(orders ? d.sourceOrderId : d.sourceCustomerId));
    updateSelection();
  }

  function toggle(id, label, on) {
    if (on) selected.set(id, label); else selected.delete(id);
    updateSelection();
  }

  function updateSelection() {
    $('sync-selected').disabled = selected.size === 0;
    $('sync-selected').textContent = 'Sync Selected (' + selected.size + ')';
    $('selection').textContent = selected.size ? selected.size + ' selected' : 'Nothing selected';
  }

  $('select-all').addEventListener('change', () => {
    // Ambiguous records have a candidate in the other store: they are chosen one by one, never in bulk.
    const on = $('select-all').checked;
    comparison.differences.filter((d) => d.matchStatus !== 'ambiguous').forEach((d) => {
      const id = orders ? d.sourceOrderId : d.sourceCustomerId;
      toggle(id, orders ? orderLabel(d.orderNumber) : (d.email || id), on);
    });
    document.querySelectorAll('.row-select').forEach((box) => { box.checked = selected.has(box.dataset.id); });
  });

  async function goTo(page) {
    error(null);
    try {
      comparison = await call('GET', '/compare/' + comparison.comparisonId + '?page=' + page + '&size=' + PAGE_SIZE);
      renderRows();
    } catch (e) {
      error(e.message);
    }
  }
  $('previous').addEventListener('click', () => goTo(comparison.page - 1));
  $('next').addEventListener('click', () => goTo(comparison.page + 1));

  $('sync-selected').addEventListener('click', () => {
    const draft = orders && $('draft') && $('draft').checked;
    $('confirm-text').textContent = 'Migrate ' + selected.size + ' ' + (selected.size === 1 ? noun : nouns) + ' from '
      + titles[source] + ' to ' + titles[other(source)] + (draft ? ' as draft orders' : '') + '? Records already migrated are not created again.';
    $('confirm').showModal();
    $('confirm-no').focus();
  });
  $('confirm-no').addEventListener('click', () => $('confirm').close());
  $('confirm-yes').addEventListener('click', async () => {
    $('confirm').close();
    await migrate();
  });

  async function migrate() {
    error(null);
    const ids = Array.from(selected.keys());
    const draft = orders && $('draft') && $('draft').checked;
    $('sync-selected').disabled = true;
    $('progress-section').hidden = false;
    $('outcome').hidden = true;
    progress(0, ids.length);
    try {
      const started = await call('POST', '/sync', { sourceOfTruth: source, ids: ids, draft: draft });
      let view = started;
      while (view.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        view = await call('GET', '/migrations/' + started.migrationId);
        progress(view.processed, view.total || ids.length);
      }
      showOutcome(view);
      selected.clear();
      updateSelection();
    } catch (e) {
      error(e.message);
    } finally {
      $('progress-section').hidden = true;
      $('sync-selected').disabled = selected.size === 0;
    }
  }

  function progress(done, total) {
    $('progress').max = Math.max(1, total);
    $('progress').value = done;
    $('progress-label').textContent = done + ' of ' + total + ' ' + nouns;
    status('Migrating… ' + done + ' of ' + total);
  }

  function showOutcome(view) {
    status('');
    const s = view.summary;
    $('outcome-summary').textContent = s.succeeded + ' of ' + s.total + ' ' + nouns + ' migrated, ' + s.failed + ' failed.'
      + (view.error ? ' ' + view.error : '');
    $('outcome-rows').replaceChildren(...view.results.map((r) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td'); name.textContent = orders ? orderLabel(r.orderNumber) : (r.email || r.sourceId);
      const result = document.createElement('td');
      result.className = r.success ? 'ok' : 'failed';
      result.textContent = r.success ? (OUTCOMES[r.how] || 'migrated') : 'failed';
      const id = document.createElement('td'); id.textContent = (orders ? r.newOrderId : r.newCustomerId) || '';
      const details = document.createElement('td');
      details.textContent = [r.error].concat(r.warnings || []).filter(Boolean).join(' · ');
      tr.append(name, result, id, details);
      return tr;
    }));
    $('outcome').hidden = false;
    $('outcome-heading').focus();
  }

  updateSelection();
})();
