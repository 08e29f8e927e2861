// The reporting service's live dashboard. Data: /api/v1/tallies (live, via the SSE stream, or polled every 2 s when
// the stream is unavailable), /api/v1/reports/general (trend, points, labels), /api/v1/districts, /api/v1/suggestions.
// All text from the API is inserted as text (textContent), never as HTML.
(function () {
  'use strict';

  const POLL_MS = 2000;
  const REPORT_REFRESH_MS = 5000;
  const UI = {
    zh: {
      title: '“十五五”规划纲要意见建议 · 实时看板', perspective: '统计口径', byStation: '收集地（联络站所在区县）',
      bySubject: '涉及地（建议所指区县）', total: '收到总数', points: '不同意见点', forums: '座谈会', review: '待复核',
      heatmap: '区县 × 重点方面', heatmapHint: '点击格子查看该区县该方面的建议', byDistrict: '各区县建议数', trend: '每日趋势',
      topPoints: '各方面主要意见', table: '数据表', exports: '导出总报告：', district: '区县', sum: '合计', times: '次',
      suggestions: '条建议', none: '暂无', needToken: '查看建议清单需要分析员令牌（deploy/token --role analyst），请粘贴：', lang: 'English', sse: '实时推送', polling: '轮询（每 2 秒）', offline: '连接中断',
      connecting: '连接中', count: '建议数', notSuggestions: '其中非意见建议', flagged: '待复核',
      pointsInCell: '意见点'
    },
    en: {
      title: 'Five-Year Plan suggestions · live dashboard', perspective: 'Count by', byStation: 'Where collected (station)',
      bySubject: 'Where it is about (text)', total: 'Received', points: 'Distinct points', forums: 'Forums',
      review: 'Needs review', heatmap: 'District × key area', heatmapHint: 'Click a cell to list its suggestions',
      byDistrict: 'Suggestions per district', trend: 'Daily trend', topPoints: 'Most-raised points per area',
      table: 'Data table', exports: 'Export the general report: ', district: 'District', sum: 'Total', times: '×',
      suggestions: 'suggestions', none: 'none yet', needToken: 'Listing suggestions needs an analyst token (deploy/token --role analyst); paste it:', lang: '中文', sse: 'live (SSE)', polling: 'polling every 2 s',
      offline: 'disconnected', connecting: 'connecting', count: 'Suggestions',
      notSuggestions: 'of which not suggestions', flagged: 'flagged for review', pointsInCell: 'points'
    }
  };

  const state = { lang: 'zh', by: 'station', districts: [], topics: [], tallies: null, general: null, previous: new Map() };
  const charts = {};
  let source = null;
  let pollTimer = null;
  let reportTimer = null;

  const $ = (id) => document.getElementById(id);
  const t = (key) => UI[state.lang][key];
  const label = (item) => (state.lang === 'zh' ? item.name : item.nameEn) || item.code;

  // Aggregates may be public; suggestion lists need an analyst's token (deploy/token --role analyst), kept for the tab only.
  const TOKEN_KEY = 'planconsult.token';

  async function getJson(url) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = token ? { Accept: 'application/json', Authorization: 'Bearer ' + token } : { Accept: 'application/json' };
    const response = await fetch(url, { headers });
    if (!response.ok) {
      const error = new Error(url + ' answered ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // --- live tallies: the SSE stream, else polling ----------------------------------------------------------------
  function connect() {
    disconnect();
    setLive('connecting');
    if (!window.EventSource) {
      startPolling();
      return;
    }
    source = new EventSource('/api/v1/tallies/stream?by=' + encodeURIComponent(state.by));
    source.addEventListener('open', () => setLive('sse'));
    source.addEventListener('tallies', (event) => {
      setLive('sse');
      applyTallies(JSON.parse(event.data));
    });
    source.addEventListener('error', () => {
      // No stream on this server, or it went away: keep the numbers fresh by polling instead.
      source.close();
      source = null;
      startPolling();
    });
  }

  function disconnect() {
    if (source) { source.close(); source = null; }
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }

  function startPolling() {
    if (pollTimer) { return; }
    setLive('polling');
    const poll = () => getJson('/api/v1/tallies?by=' + encodeURIComponent(state.by))
      .then((tallies) => { setLive('polling'); applyTallies(tallies); })
      .catch(() => setLive('offline'));
    poll();
    pollTimer = setInterval(poll, POLL_MS);
  }

  function setLive(mode) {
    const live = $('live');
    live.dataset.mode = mode;
    live.textContent = t(mode);
  }

  function applyTallies(tallies) {
    if (tallies.by && tallies.by !== state.by) {
      return;
    }
    const changed = !state.tallies || state.tallies.total !== tallies.total
      || JSON.stringify(state.tallies.cells) !== JSON.stringify(tallies.cells);
    state.tallies = tallies;
    if (changed) {
      renderTallies();
      scheduleReport();
    }
  }

  // --- the general report: trend, points, totals, topic names ---------------------------------------------------
  function scheduleReport() {
    if (reportTimer) { return; }
    reportTimer = setTimeout(() => { reportTimer = null; loadReport(); }, state.general ? REPORT_REFRESH_MS : 0);
  }

  async function loadReport() {
    state.general = await getJson('/api/v1/reports/general');
    const topics = state.general.byTopic.map((x) => ({ code: x.code, name: x.name, nameEn: x.nameEn }));
    const topicsChanged = JSON.stringify(topics) !== JSON.stringify(state.topics);
    state.topics = topics;
    renderReport();
    if (topicsChanged) {
      renderTallies();
    }
  }

  // --- rendering -----------------------------------------------------------------------------------------------
  function matrix() {
    const counts = new Map();
    for (const cell of (state.tallies ? state.tallies.cells : [])) {
      counts.set(cell.district + '/' + cell.topic, cell.count);
    }
    return counts;
  }

  // Per district/topic: suggestions awaiting review and points (a long text's proposals), from the same tallies.
  function extras() {
    const flagged = new Map();
    const points = new Map();
    for (const cell of (state.tallies ? state.tallies.cells : [])) {
      flagged.set(cell.district + '/' + cell.topic, cell.flagged || 0);
      points.set(cell.district + '/' + cell.topic, cell.points || 0);
    }
    return { flagged: flagged, points: points };
  }

  function renderTallies() {
    if (!state.tallies || state.topics.length === 0 || state.districts.length === 0) {
      return;
    }
    const counts = matrix();
    $('total').textContent = state.tallies.total;
    $('not-suggestions').textContent = state.tallies.notSuggestions || 0;
    $('review').textContent = state.tallies.flagged || 0;
    const more = extras();
    renderTable(counts, more);
    renderHeatmap(counts, more);
    renderBars(counts);
    state.previous = counts;
  }

  function renderTable(counts, more) {
    const table = $('tally-table');
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    appendCell(head, 'th', t('district'));
    state.topics.forEach((topic) => appendCell(head, 'th', label(topic)).dataset.topic = topic.code);
    appendCell(head, 'th', t('sum'));
    const body = table.createTBody();
    for (const district of state.districts) {
      const row = body.insertRow();
      row.dataset.district = district.code;
      appendCell(row, 'td', label(district));
      let sum = 0;
      for (const topic of state.topics) {
        const key = district.code + '/' + topic.code;
        const value = counts.get(key) || 0;
        sum += value;
        const cell = appendCell(row, 'td', value);
        cell.dataset.district = district.code;
        cell.dataset.topic = topic.code;
        cell.className = 'tally';
        // The flag count shows beside the number (CSS, from data-flagged), so the cell's text stays the count.
        const flagged = more.flagged.get(key) || 0;
        if (flagged > 0) {
          cell.dataset.flagged = flagged;
        }
        cell.title = t('flagged') + ': ' + flagged + ' · ' + t('pointsInCell') + ': ' + (more.points.get(key) || 0);
        if (state.previous.size > 0 && (state.previous.get(key) || 0) !== value) {
          cell.classList.add('updated');
        }
      }
      const total = appendCell(row, 'td', sum);
      total.className = 'district-total';
      total.dataset.district = district.code;
    }
  }

  function appendCell(row, tag, text) {
    const cell = document.createElement(tag);
    cell.textContent = text;
    row.appendChild(cell);
    return cell;
  }

  function renderHeatmap(counts, more) {
    const data = [];
    let max = 1;
    state.districts.forEach((district, x) => state.topics.forEach((topic, y) => {
      const key = district.code + '/' + topic.code;
      const value = counts.get(key) || 0;
      max = Math.max(max, value);
      data.push([x, y, value, more.flagged.get(key) || 0, more.points.get(key) || 0]);
    }));
    chart('heatmap').setOption({
      tooltip: { position: 'top', formatter: (p) => label(state.districts[p.value[0]]) + ' · ' + label(state.topics[p.value[1]])
        + ': ' + p.value[2] + ' (' + t('flagged') + ' ' + p.value[3] + ', ' + t('pointsInCell') + ' ' + p.value[4] + ')' },
      grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: state.districts.map(label), axisLabel: { interval: 0, rotate: 40 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: state.topics.map((topic) => shorten(label(topic))), splitArea: { show: true } },
      visualMap: { dimension: 2, min: 0, max: max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#fff7f0', '#fdae6b', '#b22222'] } },
      series: [{ type: 'heatmap', data: data, encode: { x: 0, y: 1, value: 2 },
        label: { show: true, formatter: (p) => p.value[3] > 0 ? p.value[2] + ' ⚑' + p.value[3] : String(p.value[2]) }, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }]
    }, true);
  }

  function renderBars(counts) {
    const totals = state.districts.map((district) => state.topics.reduce(
      (sum, topic) => sum + (counts.get(district.code + '/' + topic.code) || 0), 0));
    chart('bars').setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: state.districts.map(label), axisLabel: { interval: 0, rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('count'), data: totals, itemStyle: { color: '#b22222' }, label: { show: true, position: 'top' } }]
    }, true);
  }

  function renderReport() {
    const general = state.general;
    $('points').textContent = general.totals.points;
    $('forums').textContent = general.totals.forums;
    chart('trend').setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: general.trend.perDay.map((d) => d.date) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: t('count'), smooth: true, data: general.trend.perDay.map((d) => d.count), areaStyle: { opacity: 0.15 } }]
    }, true);
    const list = $('points-list');
    list.replaceChildren();
    for (const topic of general.topPoints) {
      const box = document.createElement('div');
      const title = document.createElement('h3');
      title.textContent = label(topic);
      box.appendChild(title);
      const items = document.createElement('ol');
      for (const point of topic.points) {
        const item = document.createElement('li');
        item.textContent = point.redactedText || '';
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = '(' + point.count + ' ' + t('times') + ')';
        item.appendChild(count);
        items.appendChild(item);
      }
      if (topic.points.length === 0) {
        const item = document.createElement('li');
        item.textContent = t('none');
        items.appendChild(item);
      }
      box.appendChild(items);
      list.appendChild(box);
    }
  }

  function shorten(text) {
    return text.length > 12 ? text.slice(0, 11) + '…' : text;
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id));
      if (id === 'heatmap') {
        charts[id].on('click', (params) => showCell(state.districts[params.value[0]], state.topics[params.value[1]]));
      }
    }
    return charts[id];
  }

  async function showCell(district, topic) {
    const panel = $('cell-panel');
    const list = $('cell-list');
    const url = '/api/v1/suggestions?district=' + encodeURIComponent(district.code) + '&topic=' + encodeURIComponent(topic.code)
      + '&by=' + encodeURIComponent(state.by) + '&size=50';
    let page;
    try {
      page = await getJson(url);
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) {
        throw error;
      }
      const token = window.prompt(t('needToken'));
      if (token && token.trim()) {
        sessionStorage.setItem(TOKEN_KEY, token.trim());
        return showCell(district, topic);
      }
      return undefined;
    }
    $('cell-title').textContent = label(district) + ' · ' + label(topic) + ' (' + page.total + ' ' + t('suggestions') + ')';
    list.replaceChildren();
    for (const item of page.items) {
      const li = document.createElement('li');
      li.textContent = item.redactedText;
      li.dataset.suggestion = item.suggestionId;
      list.appendChild(li);
    }
    panel.hidden = false;
    panel.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  function translate() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang').textContent = t('lang');
    setLive($('live').dataset.mode);
    if (state.general) { renderReport(); }
    renderTallies();
  }

  // --- start ---------------------------------------------------------------------------------------------------
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'zh' ? 'en' : 'zh'; translate(); });
  $('by').addEventListener('change', (e) => { state.by = e.target.value; state.tallies = null; state.previous = new Map(); connect(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  Promise.all([getJson('/api/v1/districts'), loadReport()])
    .then(([districts]) => { state.districts = districts; translate(); connect(); })
    .catch(() => setLive('offline'));
}());
