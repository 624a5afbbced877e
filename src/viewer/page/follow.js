/* global window, URLSearchParams */
// Runs in the 3D view before prismarine-viewer's bundle. The bundle aims its orbit camera at the bot
// once and never again; this keeps the camera on the bot (the dashboard posts its position) while
// leaving the user's own orbit offset alone. It also reports what is drawn (skillcraftView.status()),
// which the dashboard's browser test reads, and hands the scene to ghost.js (the build's ghost).
'use strict';
(function () {
  let three;
  let controls = null;
  let scene = null;
  let bot = null;
  /** On a team's dashboard, the member this view follows (its address names it; the server streams that member). */
  const who = new URLSearchParams(window.location.search).get('who');

  function hook(T) {
    let Orbit;
    // The bundle assigns THREE.OrbitControls once; the subclass remembers the instance it makes.
    Object.defineProperty(T, 'OrbitControls', {
      configurable: true,
      get() { return Orbit; },
      set(C) {
        Orbit = class extends C {
          constructor(...args) {
            super(...args);
            remember(this);
          }
        };
      },
    });
    const add = T.Object3D.prototype.add;
    T.Scene.prototype.add = function (...objects) {
      remember(this);
      return add.apply(this, objects);
    };
  }

  function remember(obj) {
    if (obj.isScene) scene = obj;
    else controls = obj;
  }

  Object.defineProperty(window, 'THREE', {
    configurable: true,
    get() { return three; },
    set(value) {
      three = value;
      hook(value);
    },
  });

  window.addEventListener('message', (e) => {
    if (e.origin !== window.location.origin || !e.data || e.data.type !== 'skillcraft:bot') return;
    // A position meant for another member's view (posted while this one was being replaced).
    if (who && e.data.who && e.data.who !== who) return;
    bot = e.data.pos;
  });

  /** Where the camera sits relative to the bot at first, and the views tried, in order, when something hides the bot. */
  const START = { distance: 10, elevation: 0.7, azimuth: 0 };
  const VIEWS = [[10, 0.7], [7, 0.7], [5, 0.7], [10, 1.1], [7, 1.1], [5, 1.1], [7, 0.4], [5, 0.4], [10, 0.4]];
  let placed = false;
  /** The user turned the view themselves: leave the camera alone for a while. */
  let userUntil = 0;
  let lastCheck = 0;

  function offset(distance, elevation, azimuth) {
    return {
      x: Math.sin(azimuth) * Math.cos(elevation) * distance,
      y: Math.sin(elevation) * distance,
      z: Math.cos(azimuth) * Math.cos(elevation) * distance,
    };
  }

  function terrain() {
    return scene ? scene.children.filter((c) => c.type === 'Mesh') : [];
  }

  /** Whether terrain lies between `from` and the bot's head and chest. */
  function hidden(from) {
    const T = three;
    const meshes = terrain();
    const caster = new T.Raycaster();
    return [1.6, 0.9].every((h) => {
      const to = new T.Vector3(bot.x, bot.y + h, bot.z);
      const dir = to.clone().sub(from);
      const dist = dir.length();
      caster.set(from, dir.normalize());
      caster.far = Math.max(0, dist - 0.6);
      return caster.intersectObjects(meshes, false).length > 0;
    });
  }

  /** Moves the camera to the first view around the bot from which nothing hides it. */
  function unhide() {
    const T = three;
    const t = controls.target;
    const now = controls.object.position;
    const current = Math.atan2(now.x - t.x, now.z - t.z);
    for (const [distance, elevation] of VIEWS) {
      for (let k = 0; k < 8; k++) {
        const o = offset(distance, elevation, current + (k * Math.PI) / 4);
        const at = new T.Vector3(t.x + o.x, t.y + o.y, t.z + o.z);
        if (!hidden(at)) {
          controls.object.position.copy(at);
          controls.update();
          return;
        }
      }
    }
  }

  function follow(time) {
    window.requestAnimationFrame(follow);
    // After a first-person switch the bundle disposes its controls; nothing to steer then.
    if (!controls || !bot || !controls.enabled) return;
    if (!controls.skillcraftListening) {
      controls.skillcraftListening = true;
      controls.addEventListener('start', () => { userUntil = Date.now() + 15000; });
    }
    const t = controls.target;
    const cam = controls.object.position;
    const dx = bot.x - t.x;
    const dy = bot.y - t.y;
    const dz = bot.z - t.z;
    const far = Math.hypot(dx, dy, dz);
    // The bundle aims at the bot on its first position update; until then the target is the origin.
    if (!placed && t.lengthSq() === 0) return;
    if (!placed || far > 48) {
      // First aim or a jump (respawn): look at the bot from above and behind, closer than the bundle does.
      const o = offset(START.distance, START.elevation, START.azimuth);
      t.set(bot.x, bot.y, bot.z);
      cam.set(bot.x + o.x, bot.y + o.y, bot.z + o.z);
      placed = true;
    } else if (far > 0.01) {
      const k = 0.12;
      t.set(t.x + dx * k, t.y + dy * k, t.z + dz * k);
      cam.set(cam.x + dx * k, cam.y + dy * k, cam.z + dz * k);
    }
    controls.update();
    if (time - lastCheck > 1000 && Date.now() > userUntil) {
      lastCheck = time;
      if (hidden(cam.clone())) unhide();
    }
  }
  window.requestAnimationFrame(follow);

  /** The bot's mesh: a model (textured meshes) added to the scene where the bot stands, without a name tag. */
  function botMesh() {
    if (!scene || !bot) return null;
    for (const c of scene.children) {
      if (c.type !== 'Object3D' || c.children.some((m) => m.type === 'Sprite')) continue;
      const d = Math.hypot(c.position.x - bot.x, c.position.y - bot.y, c.position.z - bot.z);
      if (d < 2) return c;
    }
    return null;
  }

  window.skillcraftView = {
    three: () => three,
    scene: () => scene,
    status() {
      const mesh = botMesh();
      let onScreen = false;
      if (mesh && controls) {
        const p = mesh.position.clone();
        p.y += 0.9;
        p.project(controls.object);
        onScreen = Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1 && p.z < 1;
      }
      const drawn = Boolean(mesh && mesh.children.some((m) => m.isMesh && m.material && m.material.map));
      const t = controls && controls.target;
      const r1 = (n) => Math.round(n * 10) / 10;
      return {
        who,
        target: t ? { x: r1(t.x), y: r1(t.y), z: r1(t.z) } : null,
        controls: Boolean(controls),
        botKnown: Boolean(bot),
        terrainMeshes: terrain().length,
        botDrawn: drawn,
        botOnScreen: onScreen,
        botVisible: drawn && onScreen && !hidden(controls.object.position.clone()),
        cameraDistance: controls ? Math.round(controls.object.position.distanceTo(controls.target) * 10) / 10 : null,
        ghost: window.skillcraftGhost ? window.skillcraftGhost.status() : null,
      };
    },
  };
})();
