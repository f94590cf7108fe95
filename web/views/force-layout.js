/**
 * A small force-directed layout (Fruchterman–Reingold): nodes repel, edges pull, the step shrinks each
 * round. Deterministic: nodes start on a circle in input order, so the same graph draws the same way.
 */
export function layout(nodes, edges, width, height, rounds = 300) {
  const n = nodes.length;
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.8;
  const pos = nodes.map((_, i) => ({
    x: width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / n),
    y: height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / n),
  }));
  let step = width / 10;
  for (let round = 0; round < rounds; round++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = pos[e.a];
      const b = pos[e.b];
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = (d * d) / k;
      disp[e.a].x -= (dx / d) * f; disp[e.a].y -= (dy / d) * f;
      disp[e.b].x += (dx / d) * f; disp[e.b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps unconnected nodes on the canvas.
      disp[i].x += (width / 2 - pos[i].x) * 0.05;
      disp[i].y += (height / 2 - pos[i].y) * 0.05;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      pos[i].x = Math.min(width - 130, Math.max(30, pos[i].x + (disp[i].x / d) * Math.min(d, step)));
      pos[i].y = Math.min(height - 20, Math.max(20, pos[i].y + (disp[i].y / d) * Math.min(d, step)));
    }
    step = Math.max(step * 0.97, 0.5);
  }
  return pos;
}
