// Checks each object of the given multi-document YAML files against its Kubernetes API schema
// (kubernetes-models); prints one line per file, each failure on its own line; exit status 1 on any.
const fs = require("fs");
const YAML = require("yaml");

// The Prometheus Operator's kinds are CRDs: kubernetes-models has no schema for them, so they are
// checked for the fields the operator needs (their rules' PromQL is checked by promtool,
// deploy/prometheus/test-rules.sh).
const operatorKinds = {
  ServiceMonitor: (spec) => {
    if (!spec.selector) throw new Error("spec.selector is missing");
    if (!Array.isArray(spec.endpoints) || !spec.endpoints.length) throw new Error("spec.endpoints is empty");
    spec.endpoints.forEach((e, i) => { if (!e.port) throw new Error(`spec.endpoints[${i}].port is missing`); });
  },
  PrometheusRule: (spec) => {
    if (!Array.isArray(spec.groups) || !spec.groups.length) throw new Error("spec.groups is empty");
    spec.groups.forEach((g, i) => {
      if (!g.name || !Array.isArray(g.rules) || !g.rules.length) throw new Error(`spec.groups[${i}] needs a name and rules`);
      g.rules.forEach((r, j) => {
        if (!r.expr || !(r.alert || r.record)) throw new Error(`spec.groups[${i}].rules[${j}] needs expr and alert or record`);
      });
    });
  },
};

function modelOf(object) {
  if (object.apiVersion === "monitoring.coreos.com/v1" && operatorKinds[object.kind]) {
    return { validate: () => operatorKinds[object.kind](object.spec || {}) };
  }
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const module = require(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  const Model = module[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  return new Model(object);
}

let failures = 0;
for (const file of process.argv.slice(2)) {
  const kinds = {};
  for (const document of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    const object = document.toJS();
    if (!object) continue;
    const name = `${object.kind}/${object.metadata && object.metadata.name}`;
    try {
      modelOf(object).validate();
      kinds[object.kind] = (kinds[object.kind] || 0) + 1;
    } catch (e) {
      failures++;
      console.log(`${file}: ${name}: ${e.message}`);
    }
  }
  console.log(`${file.split("/").pop()}: ${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")} valid`);
}
process.exit(failures ? 1 : 0);
