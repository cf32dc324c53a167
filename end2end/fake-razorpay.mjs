// A loopback stand-in for Razorpay in the browser tests (scripts/test starts
// it): the REST API Haat calls (orders, their payments, payment links), the
// Checkout script, whose iframe page stands in for Razorpay's, and the hosted
// payment-link page. Paying signs the answer with the key secret, as Razorpay
// does. The HTTP tests use tests/common/fake_razorpay.rs instead.
//
//   node fake-razorpay.mjs <port>
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";

// The browser test saves these in Admin → Settings → Online payments.
export const KEY_ID = "rzp_test_BrowserFake01";
export const KEY_SECRET = "browser-key-secret";

const port = Number(process.argv[2] ?? 3190);
const origin = `http://127.0.0.1:${port}`;
const orders = new Map(); // id → { amount, receipt, payments: [] }
const links = new Map(); // id → { amount, reference, callback, payment }

const sign = (message) => createHmac("sha256", KEY_SECRET).update(message).digest("hex");
const newId = (prefix) => `${prefix}_${randomBytes(7).toString("hex")}`;
const authorised = (req) =>
  req.headers.authorization === `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString("base64")}`;

function send(res, status, body, type = "application/json") {
  res.writeHead(status, { "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

async function readBody(req) {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return raw;
}

const page = (title, body) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:sans-serif;padding:2rem">${body}</body></html>`;

// Checkout: `new Razorpay(options).open()` shows Razorpay's page in a frame;
// the frame posts the signed answer back, and the merchant's handler gets it.
const checkoutJs = `
window.Razorpay = function (options) { this.options = options; };
window.Razorpay.prototype.open = function () {
  var options = this.options;
  var frame = document.createElement("iframe");
  frame.title = "Razorpay Checkout";
  frame.src = ${JSON.stringify(origin)} + "/checkout/page?order_id=" + encodeURIComponent(options.order_id) +
    "&key=" + encodeURIComponent(options.key) + "&name=" + encodeURIComponent(options.name || "");
  frame.style.cssText = "position:fixed;inset:0;width:100%;height:100%;border:0;background:#fff;z-index:1000";
  window.addEventListener("message", function listen(event) {
    if (event.origin !== ${JSON.stringify(origin)}) return;
    window.removeEventListener("message", listen);
    frame.remove();
    if (event.data && event.data.razorpay_payment_id) options.handler(event.data);
    else if (options.modal && options.modal.ondismiss) options.modal.ondismiss();
  });
  document.body.appendChild(frame);
};`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, origin);
  const path = url.pathname;
  try {
    if (req.method === "GET" && path === "/v1/checkout.js") {
      return send(res, 200, checkoutJs, "text/javascript");
    }
    if (req.method === "GET" && path === "/checkout/page") {
      const order = orders.get(url.searchParams.get("order_id"));
      if (!order || url.searchParams.get("key") !== KEY_ID) return send(res, 400, "unknown order or key", "text/plain");
      const rupees = (order.amount / 100).toFixed(2);
      return send(res, 200, page("Razorpay Checkout", `<h1>Pay ₹${rupees} to ${url.searchParams.get("name")}</h1>
        <form method="post" action="/checkout/pay?order_id=${encodeURIComponent(url.searchParams.get("order_id"))}">
        <button type="submit">Pay now</button></form>`), "text/html");
    }
    if (req.method === "POST" && path === "/checkout/pay") {
      const orderId = url.searchParams.get("order_id");
      const order = orders.get(orderId);
      if (!order) return send(res, 400, "unknown order", "text/plain");
      const paymentId = newId("pay");
      order.payments.push({ id: paymentId, amount: order.amount });
      const answer = { razorpay_payment_id: paymentId, razorpay_order_id: orderId, razorpay_signature: sign(`${orderId}|${paymentId}`) };
      return send(res, 200, page("Paid", `<p>Paid.</p><script>parent.postMessage(${JSON.stringify(answer)}, "*");</script>`), "text/html");
    }
    if (req.method === "GET" && path.startsWith("/pl/")) {
      const link = links.get(path.slice(4));
      if (!link) return send(res, 404, "no such link", "text/plain");
      const rupees = (link.amount / 100).toFixed(2);
      return send(res, 200, page("Razorpay payment link", `<h1>Pay ₹${rupees}</h1>
        <form method="post" action="${path}/pay"><button type="submit">Pay now</button></form>`), "text/html");
    }
    if (req.method === "POST" && /^\/pl\/[^/]+\/pay$/.test(path)) {
      const id = path.split("/")[2];
      const link = links.get(id);
      if (!link) return send(res, 404, "no such link", "text/plain");
      link.payment = newId("pay");
      const back = new URL(link.callback);
      const query = {
        razorpay_payment_id: link.payment,
        razorpay_payment_link_id: id,
        razorpay_payment_link_reference_id: link.reference,
        razorpay_payment_link_status: "paid",
      };
      for (const [k, v] of Object.entries(query)) back.searchParams.set(k, v);
      back.searchParams.set("razorpay_signature", sign(`${id}|${link.reference}|paid|${link.payment}`));
      res.writeHead(303, { location: back.toString() });
      return res.end();
    }
    // The REST API, with basic auth.
    if (!path.startsWith("/v1/")) return send(res, 404, { error: "not found" });
    if (!authorised(req)) return send(res, 401, { error: { code: "BAD_REQUEST_ERROR", description: "Authentication failed" } });
    if (req.method === "POST" && path === "/v1/orders") {
      const body = JSON.parse(await readBody(req));
      const id = newId("order");
      orders.set(id, { amount: body.amount, receipt: body.receipt, payments: [] });
      return send(res, 200, { id, entity: "order", amount: body.amount, currency: "INR", receipt: body.receipt, status: "created" });
    }
    let match = path.match(/^\/v1\/orders\/([^/]+)\/payments$/);
    if (req.method === "GET" && match) {
      const order = orders.get(match[1]);
      if (!order) return send(res, 400, { error: { description: "The id provided does not exist" } });
      const items = order.payments.map((p) => ({ id: p.id, entity: "payment", amount: p.amount, status: "captured", order_id: match[1] }));
      return send(res, 200, { entity: "collection", count: items.length, items });
    }
    if (req.method === "POST" && path === "/v1/payment_links") {
      const body = JSON.parse(await readBody(req));
      const id = newId("plink");
      links.set(id, { amount: body.amount, reference: body.reference_id, callback: body.callback_url, payment: null });
      return send(res, 200, { id, amount: body.amount, reference_id: body.reference_id, status: "created", short_url: `${origin}/pl/${id}` });
    }
    match = path.match(/^\/v1\/payment_links\/([^/]+)$/);
    if (req.method === "GET" && match) {
      const link = links.get(match[1]);
      if (!link) return send(res, 400, { error: { description: "The id provided does not exist" } });
      const payments = link.payment ? [{ payment_id: link.payment, amount: link.amount, status: "captured" }] : null;
      return send(res, 200, { id: match[1], amount: link.amount, status: link.payment ? "paid" : "created", short_url: `${origin}/pl/${match[1]}`, payments });
    }
    return send(res, 404, { error: "not found" });
  } catch (error) {
    return send(res, 400, { error: String(error) });
  }
});

server.listen(port, "127.0.0.1", () => console.log(`fake Razorpay on ${origin}`));
