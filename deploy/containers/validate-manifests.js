// Checks each object of the given multi-document YAML files against its Kubernetes API schema
// (kubernetes-models); prints one line per file, each failure on its own line; exit status 1 on any.
const fs = require("fs");
const YAML = require("yaml");

function modelOf(object) {
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
