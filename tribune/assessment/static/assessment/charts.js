// The assessment dashboard charts: data from the json_script block, drawn with the vendored ECharts.
(function () {
  "use strict";
  var source = document.getElementById("assessment-charts-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var charts = [];
  function draw(id, option) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var chart = echarts.init(node, null, { renderer: "svg" });
    chart.setOption(option);
    charts.push(chart);
  }
  var a = data.activity;
  draw("chart-activity", {
    tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: a.months.map(function (m) { return m.replace(/^\d{4}年/, ""); }) },
    yAxis: { type: "value", minInterval: 1 },
    series: a.levels.map(function (l) { return { name: l.name, type: "bar", stack: "pub", data: l.data }; })
      .concat([{ name: a.labels.submitted, type: "line", data: a.submitted }])
  });
  var r = data.ranking;
  draw("chart-ranking", {
    tooltip: {}, grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: "value" }, yAxis: { type: "category", data: r.names },
    series: [{ type: "bar", data: r.points, label: { show: true, position: "right" } }]
  });
  var d = data.reads;
  draw("chart-reads", {
    tooltip: {}, grid: { left: 150, right: 40, top: 8, bottom: 24 },
    xAxis: { type: "value" }, yAxis: { type: "category", data: d.names },
    series: [{ type: "bar", data: d.reads, label: { show: true, position: "right" } }]
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
