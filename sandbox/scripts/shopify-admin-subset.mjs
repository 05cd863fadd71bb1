#!/usr/bin/env node
// Writes the part of Shopify's Admin GraphQL schema that the sandbox serves, as SDL, from the
// introspection result Shopify publishes in the npm package @shopify/dev-mcp
// (dist/data/admin_<version>.json.gz). Object types keep only the fields listed in SERVED below;
// every field keeps Shopify's type, nullability and arguments, and every input object, enum and
// scalar those reach is copied whole, so that variables are refused as Shopify refuses them.
//
//   cd /tmp && npm pack @shopify/dev-mcp@1.14.4 && tar xzf shopify-dev-mcp-1.14.4.tgz
//   node sandbox/scripts/shopify-admin-subset.mjs /tmp/package/dist/data/admin_2025-07.json.gz \
//     > sandbox/src/main/resources/shopify/admin-subset.graphqls
//
// migration-service's ShopifyAdminSchemaTest checks the committed file against the published schema.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename } from 'node:path';

const SERVED = {
  QueryRoot: ['customers', 'orders', 'productVariants', 'customersCount', 'ordersCount', 'node', 'nodes'],
  Mutation: ['customerCreate', 'customerAddressCreate', 'orderCreate', 'draftOrderCreate', 'bulkOperationRunQuery'],
  PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
  Count: ['count', 'precision'],
  MailingAddress: ['id', 'address1', 'address2', 'city', 'zip', 'provinceCode', 'countryCodeV2', 'phone', 'firstName', 'lastName'],
  Customer: ['id', 'firstName', 'lastName', 'defaultEmailAddress', 'defaultPhoneNumber', 'note', 'tags', 'createdAt', 'updatedAt',
    'defaultAddress', 'numberOfOrders'],
  CustomerEmailAddress: ['emailAddress'],
  CustomerPhoneNumber: ['phoneNumber'],
  CustomerEdge: ['cursor', 'node'],
  CustomerConnection: ['edges', 'nodes', 'pageInfo'],
  MoneyV2: ['amount', 'currencyCode'],
  MoneyBag: ['shopMoney'],
  ProductVariant: ['id', 'sku', 'title', 'price'],
  ProductVariantEdge: ['cursor', 'node'],
  ProductVariantConnection: ['edges', 'nodes', 'pageInfo'],
  LineItem: ['id', 'sku', 'title', 'quantity', 'originalUnitPriceSet', 'variant'],
  LineItemEdge: ['cursor', 'node'],
  LineItemConnection: ['edges', 'nodes', 'pageInfo'],
  Order: ['id', 'name', 'email', 'phone', 'createdAt', 'processedAt', 'updatedAt', 'currencyCode', 'totalPriceSet',
    'displayFinancialStatus', 'displayFulfillmentStatus', 'customer', 'tags', 'note', 'lineItems'],
  OrderEdge: ['cursor', 'node'],
  OrderConnection: ['edges', 'nodes', 'pageInfo'],
  DraftOrder: ['id', 'name', 'email', 'tags', 'status'],
  BulkOperation: ['id', 'status', 'errorCode', 'objectCount', 'rootObjectCount', 'url', 'createdAt', 'completedAt'],
  UserError: ['field', 'message'],
  OrderCreateUserError: ['code', 'field', 'message'],
  BulkOperationUserError: ['code', 'field', 'message'],
  CustomerCreatePayload: ['customer', 'userErrors'],
  CustomerAddressCreatePayload: ['address', 'userErrors'],
  OrderCreatePayload: ['order', 'userErrors'],
  DraftOrderCreatePayload: ['draftOrder', 'userErrors'],
  BulkOperationRunQueryPayload: ['bulkOperation', 'userErrors'],
};
const INTERFACES = { Node: ['id'] };
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

const file = process.argv[2];
if (!file) {
  console.error('usage: shopify-admin-subset.mjs <admin_VERSION.json[.gz]>');
  process.exit(2);
}
const raw = readFileSync(file);
const schema = JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')).data.__schema;
const types = new Map(schema.types.map(t => [t.name, t]));

const named = ref => (ref.ofType ? named(ref.ofType) : ref.name);
const signature = ref => ref.kind === 'NON_NULL' ? signature(ref.ofType) + '!' : ref.kind === 'LIST' ? `[${signature(ref.ofType)}]` : ref.name;
const deprecation = f => (f.isDeprecated ? ` @deprecated(reason: ${JSON.stringify(f.deprecationReason ?? 'No longer supported')})` : '');

// Every named type the served fields reach: object types must be listed, the rest is copied whole.
const needed = new Set([...Object.keys(SERVED), ...Object.keys(INTERFACES)]);
const queue = [...needed];
const reach = name => {
  if (!BUILT_IN.has(name) && !needed.has(name)) {
    const kind = types.get(name)?.kind;
    if (kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION') {
      throw new Error(`${name} is reached but not listed in SERVED`);
    }
    needed.add(name);
    queue.push(name);
  }
};
const servedFields = type => {
  const wanted = SERVED[type.name] ?? INTERFACES[type.name];
  const fields = wanted.map(n => type.fields.find(f => f.name === n) ?? (() => { throw new Error(`${type.name}.${n} does not exist`); })());
  return fields;
};
while (queue.length) {
  const type = types.get(queue.shift());
  if (!type) {
    throw new Error('unknown type ' + type);
  }
  if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
    for (const field of servedFields(type)) {
      reach(named(field.type));
      field.args.forEach(a => reach(named(a.type)));
    }
  } else if (type.kind === 'INPUT_OBJECT') {
    type.inputFields.forEach(f => reach(named(f.type)));
  }
}

const argument = a => `${a.name}: ${signature(a.type)}${a.defaultValue != null ? ' = ' + a.defaultValue : ''}${deprecation(a)}`;
const print = type => {
  switch (type.kind) {
    case 'SCALAR':
      return `scalar ${type.name}`;
    case 'ENUM':
      return `enum ${type.name} {\n${type.enumValues.map(v => `  ${v.name}${deprecation(v)}`).join('\n')}\n}`;
    case 'INPUT_OBJECT':
      return `input ${type.name} {\n${type.inputFields.map(f => `  ${argument(f)}`).join('\n')}\n}`;
    default: {
      const interfaces = (type.interfaces ?? []).map(i => i.name).filter(n => INTERFACES[n]);
      const head = `${type.kind === 'INTERFACE' ? 'interface' : 'type'} ${type.name}${interfaces.length ? ' implements ' + interfaces.join(' & ') : ''}`;
      const fields = servedFields(type).map(f =>
        `  ${f.name}${f.args.length ? '(' + f.args.map(argument).join(', ') + ')' : ''}: ${signature(f.type)}${deprecation(f)}`);
      return `${head} {\n${fields.join('\n')}\n}`;
    }
  }
};
const order = { SCALAR: 0, INTERFACE: 1, OBJECT: 2, INPUT_OBJECT: 3, ENUM: 4 };
const printed = [...needed].filter(n => !BUILT_IN.has(n)).map(n => types.get(n))
  .sort((a, b) => order[a.kind] - order[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  .map(print);
process.stdout.write(`# GENERATED by sandbox/scripts/shopify-admin-subset.mjs from ${basename(file)} of the npm package
# @shopify/dev-mcp 1.14.4 (Shopify's published Admin API introspection result). Do not edit: change
# the script's SERVED list and run it again. Shopify's types, enums, nullability and deprecations are
# kept; object types carry only the fields the sandbox serves.
schema {
  query: ${schema.queryType.name}
  mutation: ${schema.mutationType.name}
}

${printed.join('\n\n')}
`);
