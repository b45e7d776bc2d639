#!/usr/bin/env node
// Converts Natural Earth's 1:110m admin-0 country shapes, as redistributed in
// the npm package world-atlas 2.0.2 (TopoJSON, longitude/latitude), into
// data/map/world-110m.txt: one line per country of data/warrantcheck.json,
// already projected (Equal Earth) into integer SVG units, so that
// `warrantcheck map` only copies path data and never projects at run time.
//
// Usage (docs/map.md says where the inputs come from):
//   node data/map/convert.mjs WORLD_ATLAS_DIR [ISO_3166_1_JSON] > data/map/world-110m.txt
// WORLD_ATLAS_DIR is the unpacked package (countries-110m.json, -50m, -10m);
// ISO_3166_1_JSON is Debian's iso-codes file, for the numeric codes
// (default /usr/share/iso-codes/json/iso_3166-1.json). Same inputs, same output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXPECTED_ATLAS_VERSION = '2.0.2';
const WIDTH = 2000; // SVG units from the antimeridian west to east
const SMALL_AREA = 48; // square SVG units (about 14,000 km²): below it, a marker too

// Natural Earth features that carry no ISO 3166-1 numeric code in
// world-atlas. Kosovo has its own entry in the dataset (XK); Northern Cyprus
// and Somaliland are, in ISO 3166-1 and at the UN, parts of Cyprus and Somalia.
const UNCODED_FEATURES = { 'Kosovo': 'XK', 'N. Cyprus': 'CY', 'Somaliland': 'SO' };

// Natural Earth draws these ISO 3166-1 entries as parts of another
// country's shape; the dataset judges them on their own, so their polygons
// are split off (tested on the polygon's first point).
const SPLIT_PARTS = [
  { from: 'FR', to: 'GF', where: (lon, lat) => lon < -30 && lat > 0 && lat < 10 }, // French Guiana
  { from: 'NO', to: 'SJ', where: (lon, lat) => lat > 74 }, // Svalbard
];

// Entries of the dataset with no shape at 1:110m, 1:50m nor 1:10m in
// world-atlas (Natural Earth folds them into a parent or leaves them out):
// where to put their marker, longitude and latitude of the main island or
// town, rounded to a tenth of a degree.
const HAND_PLACED = {
  BQ: [-68.3, 12.2], // Bonaire (Kralendijk)
  BV: [3.4, -54.4], // Bouvet Island
  CC: [96.9, -12.2], // Cocos (Keeling) Islands (West Island)
  CX: [105.6, -10.5], // Christmas Island
  GP: [-61.6, 16.2], // Guadeloupe (Basse-Terre)
  MQ: [-61.0, 14.6], // Martinique (Fort-de-France)
  RE: [55.5, -21.1], // Réunion (Saint-Denis)
  TK: [-171.8, -9.2], // Tokelau (Fakaofo)
  UM: [166.6, 19.3], // US Minor Outlying Islands (Wake Island)
  YT: [45.2, -12.8], // Mayotte (Mamoudzou)
};

// ------------------------------------------------------------ Equal Earth
// Šavrič, Patterson and Jenny (2018), "The Equal Earth map projection",
// International Journal of Geographical Information Science 33(3).
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
const M = Math.sqrt(3) / 2;

// Projects longitude/latitude in degrees onto the unit Equal Earth plane.
function equalEarth(lon, lat) {
  const lambda = (lon * Math.PI) / 180;
  const theta = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const t2 = theta * theta, t6 = t2 * t2 * t2;
  const x = (lambda * Math.cos(theta)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x, y];
}

const [X_MAX] = equalEarth(180, 0);
const [, Y_MAX] = equalEarth(0, 90);
const SCALE = WIDTH / (2 * X_MAX);
const HEIGHT = Math.round(2 * Y_MAX * SCALE);

// Projects to SVG units: origin top left, y down, rounded to integers.
function toSvg(lon, lat) {
  const [x, y] = equalEarth(lon, lat);
  return [Math.round(WIDTH / 2 + x * SCALE), Math.round(HEIGHT / 2 - y * SCALE)];
}

// ------------------------------------------------------------- TopoJSON
// Decodes a quantized, delta-encoded TopoJSON topology into a map from each
// geometry to its polygons, each a list of rings of [lon, lat] points.
function decodeTopology(topology, objectName) {
  const [kx, ky] = topology.transform.scale;
  const [dx, dy] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([qx, qy]) => {
      x += qx;
      y += qy;
      return [x * kx + dx, y * ky + dy];
    });
  });
  // A ring is a list of arc indices; ~i walks arc i backwards. Consecutive
  // arcs share their joining point, which is kept once.
  const ring = (indices) => {
    const points = [];
    for (const index of indices) {
      const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  return topology.objects[objectName].geometries.map((g) => ({
    id: g.id,
    name: g.properties.name,
    polygons:
      g.type === 'Polygon' ? [g.arcs.map(ring)]
      : g.type === 'MultiPolygon' ? g.arcs.map((p) => p.map(ring))
      : [],
  }));
}

// ----------------------------------------------------------- antimeridian
// A few rings (Fiji, Chukotka) cross the antimeridian: their points jump
// from +180 to -180 and back. Unwraps such a ring so that its longitudes run
// on continuously, then cuts it at the line it crosses into a ring for each
// side. A ring with a single jump goes round a pole (Antarctica) and is
// kept as it is.
function cutAtAntimeridian(ring) {
  let offset = 0;
  let jumps = 0;
  const unwrapped = ring.map(([lon, lat], i) => {
    if (i > 0) {
      const step = lon - ring[i - 1][0];
      if (step < -180) { offset += 360; jumps++; }
      if (step > 180) { offset -= 360; jumps++; }
    }
    return [lon + offset, lat];
  });
  if (jumps < 2)
    return [ring];
  const line = unwrapped.some(([lon]) => lon > 180) ? 180 : -180;
  // Sutherland–Hodgman against one vertical line: keeps the side where
  // inside(lon) holds, adding the crossing points.
  const clip = (inside) => {
    const out = [];
    for (let i = 0; i < unwrapped.length; i++) {
      const a = unwrapped[i], b = unwrapped[(i + 1) % unwrapped.length];
      if (inside(a[0]))
        out.push(a);
      if (inside(a[0]) !== inside(b[0])) {
        const t = (line - a[0]) / (b[0] - a[0]);
        out.push([line, a[1] + t * (b[1] - a[1])]);
      }
    }
    return out;
  };
  const near = clip((lon) => (line > 0 ? lon <= line : lon >= line));
  const far = clip((lon) => (line > 0 ? lon > line : lon < line))
    .map(([lon, lat]) => [lon - Math.sign(line) * 360, lat]);
  return [near, far].filter((r) => r.length >= 3);
}

// ------------------------------------------------------------- geometry
// Twice the signed area of a ring of SVG points (shoelace formula).
function doubleArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[(i + 1) % ring.length];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

// The area of a polygon (its outer ring less its holes), in SVG units².
function polygonArea(rings) {
  return rings.reduce((a, r, i) => a + (i === 0 ? 1 : -1) * Math.abs(doubleArea(r)) / 2, 0);
}

// The centroid of a ring, for a marker.
function ringCentroid(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[(i + 1) % ring.length];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) { // no area: the mean of its points
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

// Projects a ring and drops the points that rounding made equal to the one
// before; returns null for a ring that rounding left with no area.
function projectRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = toSvg(lon, lat);
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1])
      out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1])
    out.pop();
  return out.length >= 3 && doubleArea(out) !== 0 ? out : null;
}

// SVG path data for projected polygons: an absolute move to each ring's
// first point, then relative lines, with no separator before a minus sign.
function pathData(polygons) {
  const numbers = (list) => list.map((n, i) => (i > 0 && n >= 0 ? ' ' : '') + n).join('');
  let d = '';
  for (const rings of polygons)
    for (const ring of rings) {
      const steps = [];
      for (let i = 1; i < ring.length; i++)
        steps.push(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
      d += `M${numbers(ring[0])}l${numbers(steps)}z`;
    }
  return d;
}

// The marker of a country with no shape at 1:110m: the centroid of its
// largest polygon at 1:50m or, failing that, 1:10m.
function markerFromFinerScales(features, numeric) {
  for (const list of features) {
    const f = list.find((g) => g.id === numeric);
    if (!f)
      continue;
    let best = null, bestArea = -1;
    for (const rings of f.polygons) {
      const projected = rings[0].map(([lon, lat]) => equalEarth(lon, lat));
      const area = Math.abs(doubleArea(projected));
      if (area > bestArea) {
        bestArea = area;
        best = projected;
      }
    }
    if (best) {
      const [x, y] = ringCentroid(best);
      return [Math.round(WIDTH / 2 + x * SCALE), Math.round(HEIGHT / 2 - y * SCALE)];
    }
  }
  return null;
}

// The edge of the projected globe: the antimeridian down its west side and
// up its east side, a point each degree.
function globeOutline() {
  const ring = [];
  for (let lat = 90; lat >= -90; lat--)
    ring.push([-180, lat]);
  for (let lat = -90; lat <= 90; lat++)
    ring.push([180, lat]);
  return projectRing(ring);
}

// ------------------------------------------------------------------ main
function main() {
  const [atlasDir, isoPath = '/usr/share/iso-codes/json/iso_3166-1.json'] = process.argv.slice(2);
  if (!atlasDir) {
    process.stderr.write('usage: node data/map/convert.mjs WORLD_ATLAS_DIR [ISO_3166_1_JSON]\n');
    process.exit(2);
  }
  const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
  const atlasVersion = readJson(join(atlasDir, 'package.json')).version;
  if (atlasVersion !== EXPECTED_ATLAS_VERSION)
    process.stderr.write(`convert.mjs: warning: world-atlas ${atlasVersion}, not ${EXPECTED_ATLAS_VERSION}\n`);

  const numericToIso2 = new Map(readJson(isoPath)['3166-1'].map((e) => [e.numeric, e.alpha_2]));
  const iso2ToNumeric = new Map([...numericToIso2].map(([n, a]) => [a, n]));
  const datasetPath = fileURLToPath(new URL('../warrantcheck.json', import.meta.url));
  const dataset = readJson(datasetPath);
  const names = new Map(dataset.countries.map((c) => [c.iso2, c.name]));

  // Polygons of each ISO entry, in lon/lat, merged across features.
  const polygonsOf = new Map();
  const add = (iso2, polygon) => {
    if (!polygonsOf.has(iso2))
      polygonsOf.set(iso2, []);
    polygonsOf.get(iso2).push(polygon);
  };
  for (const f of decodeTopology(readJson(join(atlasDir, 'countries-110m.json')), 'countries')) {
    const iso2 = f.id !== undefined ? numericToIso2.get(f.id) : UNCODED_FEATURES[f.name];
    if (!iso2 || !names.has(iso2))
      throw new Error(`no dataset country for Natural Earth feature ${f.id} '${f.name}'`);
    const cut = [];
    for (const rings of f.polygons) {
      const parts = cutAtAntimeridian(rings[0]);
      if (parts.length > 1 && rings.length > 1)
        throw new Error(`${f.name}: a polygon with holes crosses the antimeridian`);
      cut.push(...(parts.length > 1 ? parts.map((r) => [r]) : [rings]));
    }
    for (const polygon of cut) {
      const [lon, lat] = polygon[0][0];
      const split = SPLIT_PARTS.find((s) => s.from === iso2 && s.where(lon, lat));
      add(split ? split.to : iso2, polygon);
    }
  }

  const finer = ['countries-50m.json', 'countries-10m.json'].map((file) =>
    decodeTopology(readJson(join(atlasDir, file)), 'countries'));

  const lines = [];
  for (const iso2 of [...names.keys()].sort()) {
    // Keep a polygon only if its outer ring survived rounding.
    const polygons = [];
    for (const rings of (polygonsOf.get(iso2) || [])) {
      const outer = projectRing(rings[0]);
      if (!outer)
        continue;
      polygons.push([outer, ...rings.slice(1).map(projectRing).filter((r) => r)]);
    }
    const area = polygons.reduce((a, p) => a + polygonArea(p), 0);
    let marker = null;
    if (area < SMALL_AREA) {
      if (polygons.length) {
        const largest = polygons.reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
        marker = ringCentroid(largest[0]).map(Math.round);
      } else if (HAND_PLACED[iso2]) {
        marker = toSvg(...HAND_PLACED[iso2]);
      } else {
        marker = markerFromFinerScales(finer, iso2ToNumeric.get(iso2));
      }
      if (!marker)
        throw new Error(`${iso2}: no shape at any scale and no hand-placed marker`);
    }
    const name = names.get(iso2).replace(/[\t\n]/g, ' ');
    lines.push([iso2, name, marker ? marker.join(',') : '-', polygons.length ? pathData(polygons) : '-'].join('\t'));
  }

  process.stdout.write(
    '# warrantcheck world map, generated by data/map/convert.mjs: do not edit (docs/map.md).\n' +
    `# Natural Earth 1:110m admin-0 countries (public domain), world-atlas ${atlasVersion};\n` +
    '# Equal Earth projection, integer SVG units. After the size and the outline of\n' +
    '# the globe, one line per country, tab-separated: ISO 3166-1 alpha-2, name,\n' +
    '# marker centre "X,Y" or "-", SVG path data or "-".\n' +
    `size\t${WIDTH}\t${HEIGHT}\n` +
    `outline\t${pathData([[globeOutline()]])}\n` +
    lines.join('\n') + '\n');
}

main();
