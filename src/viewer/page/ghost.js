/* global window */
// Runs in the 3D view after follow.js: draws the build the dashboard posts ('skillcraft:build') as a ghost
// over the world. Cells still missing are translucent boxes inside their block, wrong cells red shells,
// right cells a faint shell around the real block, so the whole shape reads while the world fills it in;
// a line box marks the structure's bounds. One instanced mesh per state, refilled on each update: the
// same few GPU objects for the whole build, whatever the number of updates.
'use strict';
(function () {
  const view = window.skillcraftView;
  /** Per state: colour, opacity and the box's size against its block (under 1 inside it, over 1 around it). */
  const STYLE = {
    missing: { color: 0x3d8bff, opacity: 0.4, scale: 0.9 },
    wrong: { color: 0xff2a2a, opacity: 0.55, scale: 1.06 },
    right: { color: 0x7dff9a, opacity: 0.15, scale: 1.03 },
    unknown: { color: 0x9a9a9a, opacity: 0.2, scale: 0.9 },
  };
  const STATES = Object.keys(STYLE);
  /** The build last posted: { name, origin, size, cells: [dx, dy, dz, state][] }, or null. */
  let build = null;
  let dirty = false;
  /** What is in the scene: { key, capacity, group, box, meshes: { state: InstancedMesh }, outline }. */
  let ghost = null;
  let updates = 0;
  /** The boxes by state of the last few draws, oldest first: what a build looked like on its way. */
  const drawn = [];
  const HISTORY = 32;

  window.addEventListener('message', (e) => {
    if (e.origin !== window.location.origin || !e.data || e.data.type !== 'skillcraft:build') return;
    build = e.data.build || null;
    // Updated now, not on the next frame: a frame can take longer than a fast build's steps.
    dirty = !draw();
  });

  function dispose() {
    if (!ghost) return;
    if (ghost.group.parent) ghost.group.parent.remove(ghost.group);
    for (const mesh of Object.values(ghost.meshes)) {
      mesh.material.dispose();
      if (mesh.dispose) mesh.dispose();
    }
    ghost.box.dispose();
    ghost.outline.geometry.dispose();
    ghost.outline.material.dispose();
    ghost = null;
  }

  function create(T, b, key) {
    const group = new T.Group();
    group.name = 'skillcraft-ghost';
    const box = new T.BoxGeometry(1, 1, 1);
    const capacity = Math.max(1, b.cells.length);
    const meshes = {};
    for (const state of STATES) {
      const s = STYLE[state];
      const material = new T.MeshBasicMaterial({ color: s.color, transparent: true, opacity: s.opacity, depthWrite: false });
      const mesh = new T.InstancedMesh(box, material, capacity);
      mesh.count = 0;
      // Its bounding sphere is the one box's at the origin: culled by that, the ghost would vanish.
      mesh.frustumCulled = false;
      mesh.renderOrder = 2;
      group.add(mesh);
      meshes[state] = mesh;
    }
    const [sx, sy, sz] = b.size;
    const [ox, oy, oz] = b.origin;
    const bounds = new T.BoxGeometry(sx, sy, sz);
    const outline = new T.LineSegments(new T.EdgesGeometry(bounds), new T.LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.6 }));
    bounds.dispose();
    outline.position.set(ox + sx / 2, oy + sy / 2, oz + sz / 2);
    group.add(outline);
    return { key, capacity, group, box, meshes, outline };
  }

  /** Brings the scene's ghost up to `build`; false while the viewer has no scene yet. */
  function draw() {
    const T = view && view.three();
    const scene = view && view.scene();
    if (!T || !scene) return false;
    if (!build) {
      dispose();
      return true;
    }
    const key = `${build.name}|${build.origin.join()}|${build.size.join()}`;
    if (ghost && (ghost.key !== key || ghost.capacity < build.cells.length)) dispose();
    if (!ghost) ghost = create(T, build, key);
    if (ghost.group.parent !== scene) scene.add(ghost.group);
    const [ox, oy, oz] = build.origin;
    const m = new T.Matrix4();
    const counts = Object.fromEntries(STATES.map((s) => [s, 0]));
    for (const [dx, dy, dz, state] of build.cells) {
      const mesh = ghost.meshes[state];
      if (!mesh) continue;
      const k = STYLE[state].scale;
      m.makeScale(k, k, k).setPosition(ox + dx + 0.5, oy + dy + 0.5, oz + dz + 0.5);
      mesh.setMatrixAt(counts[state]++, m);
    }
    for (const state of STATES) {
      const mesh = ghost.meshes[state];
      mesh.count = counts[state];
      mesh.instanceMatrix.needsUpdate = true;
    }
    updates++;
    drawn.push(counts);
    if (drawn.length > HISTORY) drawn.shift();
    return true;
  }

  /** A build posted before the viewer made its scene is drawn once the scene is there. */
  function frame() {
    window.requestAnimationFrame(frame);
    if (dirty && draw()) dirty = false;
  }
  window.requestAnimationFrame(frame);

  window.skillcraftGhost = {
    /** What the ghost draws now: boxes by state (the instance counts in the scene); updates so far and the last ones' counts. */
    status() {
      const shown = Boolean(ghost && ghost.group.parent);
      const counts = Object.fromEntries(STATES.map((s) => [s, shown ? ghost.meshes[s].count : 0]));
      return { name: build ? build.name : null, drawn: shown, cells: STATES.reduce((n, s) => n + counts[s], 0), ...counts, updates, history: drawn.slice() };
    },
  };
})();
