__all__ = ['Sampling', 'pick_tokens', 'FenceStop', 'growing_cache', 'generate_ids', 'merged_for_inference']

# %% ../nbs/05_models.ipynb #caeff785
from dataclasses import dataclass

@dataclass(frozen=True)
class Sampling:
    "How each next token is picked: greedy (`do_sample=False`), or sampled with a temperature, top-k and top-p (nucleus)."
    do_sample: bool = False
    temperature: float = 1.0
    top_k: int = 0               # 0: no top-k cut
    top_p: float = 1.0           # 1.0: no nucleus cut

def pick_tokens(logits, s: Sampling, generator=None):
    "One next token per row of `logits` (rows x vocabulary) under sampling rule `s`."
    import torch
    if not s.do_sample: return logits.argmax(-1)
    logits = logits / s.temperature
    if 0 < s.top_k < logits.shape[-1]:
        kth = torch.topk(logits, s.top_k, dim=-1).values[..., -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if s.top_p < 1.0:
        srt, idx = torch.sort(logits, descending=True, dim=-1)
        probs = srt.softmax(-1)
        srt = srt.masked_fill(probs.cumsum(-1) - probs > s.top_p, float("-inf"))   # keep the head whose mass reaches top_p
        logits = torch.full_like(logits, float("-inf")).scatter(-1, idx, srt)
    return torch.multinomial(logits.softmax(-1), 1, generator=generator).squeeze(-1)

# %% ../nbs/05_models.ipynb #6796a062
class FenceStop:
    """Tells when a completion holds an opened and closed ``` fence, from each token's text: a run of k backticks
    holds k // 3 fences (as `str.find` counts them), so no row is ever decoded while generating."""
    def __init__(self, tokenizer, opened: int = 0):
        self.opened = opened           # fences the prompt already opened (1 when it wrote the answer's ```json)
        special = set(tokenizer.all_special_ids)
        pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
        self.text = {i: p.replace("\u2581", " ") for i, p in enumerate(pieces) if p and "`" in p and i not in special}
        self.rows: dict = {}
    def reset(self): self.rows = {}
    def __call__(self, row, token: int) -> bool:
        "Feed `row` its next token; True once its fence is closed."
        run, fences = self.rows.get(row, (0, self.opened))
        t = self.text.get(token)
        if t is None:
            if run: fences, run = fences + run // 3, 0
        else:
            for ch in t:
                if ch == "`": run += 1
                elif run: fences, run = fences + run // 3, 0
        self.rows[row] = (run, fences)
        return fences + run // 3 >= 2

# %% ../nbs/05_models.ipynb #fed86685
class _Grow:
    """Keys and values kept in a buffer with room to spare: a new token is written in place (a plain cache copies itself
    every step). The cached columns are the view `buf[..., at:at + n]`; a sliding window moves `at` instead of copying."""
    def _append(self, k, v, keep: int | None = None):
        "Write `k`, `v` after the cached columns; return cached + new; with `keep`, go on caching only the last `keep` columns."
        n, s = (self.keys.shape[-2] if self.keys.numel() else 0), k.shape[-2]
        buf, at = getattr(self, "_kbuf", None), getattr(self, "_at", 0)
        if buf is None or at + n + s > buf.shape[-2] or (n and self.keys.data_ptr() != buf[:, :, at:].data_ptr()):   # full, or rows dropped
            cap = max(64, 2 * (n + s))
            self._kbuf, self._vbuf = k.new_empty(*k.shape[:2], cap, k.shape[3]), v.new_empty(*v.shape[:2], cap, v.shape[3])
            if n: self._kbuf[:, :, :n], self._vbuf[:, :, :n] = self.keys, self.values
            at = 0
        self._kbuf[:, :, at + n:at + n + s], self._vbuf[:, :, at + n:at + n + s] = k, v
        full = self._kbuf[:, :, at:at + n + s], self._vbuf[:, :, at:at + n + s]
        if keep is not None and n + s > keep: at, n = at + n + s - keep, keep - s    # the window slides on: a view, no copy
        self._at = at
        self.keys, self.values = self._kbuf[:, :, at:at + n + s], self._vbuf[:, :, at:at + n + s]
        return full

def growing_cache(config):
    "A `DynamicCache` for `config` whose layers append in place (sliding-window layers too, also once their window is full)."
    from transformers.cache_utils import DynamicCache, DynamicLayer, DynamicSlidingWindowLayer
    class Full(_Grow, DynamicLayer):
        def update(self, k, v, *a, **kw):
            if not self.is_initialized: self.lazy_initialization(k, v)
            return self._append(k, v)
    class Sliding(_Grow, DynamicSlidingWindowLayer):
        def update(self, k, v, *a, **kw):               # as DynamicSlidingWindowLayer.update: cached + new, then keep the last window - 1
            if not self.is_initialized: self.lazy_initialization(k, v)
            self.cumulative_length += k.shape[-2]
            return self._append(k, v, keep=self.sliding_window - 1)
    cache = DynamicCache(config=config)
    cache.layers = [Sliding(sliding_window=l.sliding_window) if isinstance(l, DynamicSlidingWindowLayer) else Full() for l in cache.layers]
    return cache

# %% ../nbs/05_models.ipynb #925cf450
def _one_token_attention(module, query, key, value, attention_mask, dropout=0.0, scaling=None, **kw):
    """Attention for one new token per row when several query heads share a key/value head (Gemma-3-270M: 4 share
    1). With a mask, the standard path copies every key and value once per query head before attending, and with
    long prompts those copies are most of a decoding step. Here the heads that share a key/value head go in as that
    head's queries: the same sums, reading keys and values in place. Anything else goes to the standard path."""
    import torch.nn.functional as F
    from transformers.integrations.sdpa_attention import sdpa_attention_forward
    B, H, Q, D = query.shape
    Hk = key.shape[1]
    if Q != 1 or Hk == H or dropout or kw.get("softcap"):
        return sdpa_attention_forward(module, query, key, value, attention_mask, dropout=dropout, scaling=scaling, **kw)
    mask = None if attention_mask is None else attention_mask[..., : key.shape[-2]]
    out = F.scaled_dot_product_attention(query.reshape(B, Hk, H // Hk, D), key, value, attn_mask=mask, scale=scaling)
    return out.reshape(B, 1, H, D), None

def _decode_attention(model):
    "Switch `model` to `_one_token_attention` (registered once with transformers); returns how to switch it back."
    from transformers import AttentionInterface
    from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS, sdpa_mask
    cfg, was = model.config, model.config._attn_implementation
    if was != "sdpa": return lambda: None                    # eager or a GPU kernel: leave it alone
    AttentionInterface.register("dagger_decode", _one_token_attention)
    ALL_MASK_ATTENTION_FUNCTIONS.register("dagger_decode", sdpa_mask)        # masks built as for sdpa
    cfg._attn_implementation = "dagger_decode"
    def restore(): cfg._attn_implementation = was
    return restore

# %% ../nbs/05_models.ipynb #ac9b0fbd
def _common_prefix(prompts: list[list[int]], least: int = 16) -> int:
    "Length of the token prefix all prompts share (the instructions), leaving every prompt at least one token of its own."
    n = min(map(len, prompts)) - 1
    for k in range(n):
        t = prompts[0][k]
        if any(p[k] != t for p in prompts): n = k; break
    return n if n >= least else 0

def _prefill(model, prompts, pad_id, cache, share_prefix: bool):
    """Run the prompts, left-padded to one length, through the model into `cache`; returns the last logits, the
    attention mask and next positions. With `share_prefix`, the prefix all prompts share (the instructions, the worked
    examples, or a GRPO group's whole prompt) is run once, as batch 1, and its keys and values are copied into each
    row where the padded batch holds them (after the row's padding): every row keeps the columns, positions and
    sliding attention windows it has unshared, and only the columns after the prefix are computed per row."""
    import torch
    dev, B, L = model.device, len(prompts), max(map(len, prompts))
    pads = [L - len(p) for p in prompts]
    P = _common_prefix(prompts) if share_prefix else 0
    if P and (max(pads) >= P or P >= (getattr(model.config, "sliding_window", None) or L)): P = 0   # too little to share
    if P:
        one = growing_cache(model.config)
        model(input_ids=torch.tensor([prompts[0][:P]], device=dev), past_key_values=one, use_cache=True, logits_to_keep=1)
        for mine, shared in zip(cache.layers, one.layers):
            k, v = (shared.keys.new_zeros(B, *shared.keys.shape[1:]), shared.values.new_zeros(B, *shared.values.shape[1:]))
            for b, n in enumerate(pads):                                  # row b: n pad columns, then the prefix
                k[b, :, n:], v[b, :, n:] = shared.keys[0, :, :P - n], shared.values[0, :, :P - n]
            mine.update(k, v)
    ids = torch.tensor([[pad_id] * n + p for n, p in zip(pads, prompts)])
    mask = torch.tensor([[0] * n + [1] * (L - n) for n in pads])
    pos = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 1)                # positions as `generate` gives them
    logits = model(input_ids=ids[:, P:].to(dev), attention_mask=mask.to(dev), position_ids=pos[:, P:].to(dev),
                   past_key_values=cache, use_cache=True, logits_to_keep=1).logits[:, -1].float()
    return logits, mask, pos[:, -1] + 1

def _decode_batch(model, prompts, max_new_tokens, stop_ids, sampling, stop, generator, pad_id, share_prefix):
    "Completions for one batch: one prefill, then one token per live row per step; finished rows leave the batch and the cache."
    import torch
    dev, B = model.device, len(prompts)
    cache = growing_cache(model.config)
    logits, mask, nxt = _prefill(model, prompts, pad_id, cache, share_prefix)
    out, live = [[] for _ in range(B)], list(range(B))
    for step in range(max_new_tokens):
        toks = pick_tokens(logits, sampling, generator).tolist()
        keep = []
        for j, (b, t) in enumerate(zip(live, toks)):
            out[b].append(t)
            if t not in stop_ids and not (stop and stop(b, t)): keep.append(j)
        if not keep or step == max_new_tokens - 1: break
        if len(keep) < len(live):                                         # drop finished rows from batch and cache
            k = torch.tensor(keep)
            cache.batch_select_indices(k.to(dev)); mask, nxt = mask[k], nxt[k]
            live, toks = [live[j] for j in keep], [toks[j] for j in keep]
        mask = torch.cat([mask, torch.ones(len(live), 1, dtype=torch.long)], dim=1)
        logits = model(input_ids=torch.tensor(toks)[:, None].to(dev), attention_mask=mask.to(dev), position_ids=nxt[:, None].to(dev),
                       past_key_values=cache, use_cache=True).logits[:, -1].float()
        nxt = nxt + 1
    return out

# %% ../nbs/05_models.ipynb #67df829b
def generate_ids(model, prompts: list[list[int]], max_new_tokens: int, stop_ids, sampling: Sampling = Sampling(),
                 batch_size: int = 64, stop=None, generator=None, pad_id: int = 0, share_prefix: bool = True) -> list[list[int]]:
    """The completion of each prompt (token ids), in the order given: greedy or sampled, up to `max_new_tokens` tokens,
    ending with a token of `stop_ids` or where `stop(row, token)` says so (that token included). Prompts are sorted by
    length into batches of `batch_size`, so rows of one batch need little padding. `share_prefix` runs the prompts'
    common prefix once per batch (see `_prefill`); the tokens are the same as without it."""
    import torch
    if max_new_tokens < 1: raise ValueError(f"max_new_tokens must be at least 1, got {max_new_tokens}")
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
    out: list = [None] * len(prompts)
    was, restore = model.training, _decode_attention(model)
    model.eval()
    try:
        with torch.no_grad():
            for s in range(0, len(order), batch_size):
                rows = order[s:s + batch_size]
                if stop is not None and hasattr(stop, "reset"): stop.reset()
                for i, ids in zip(rows, _decode_batch(model, [prompts[i] for i in rows], max_new_tokens, set(stop_ids),
                                                      sampling, stop, generator, pad_id, share_prefix)):
                    out[i] = ids
    finally:
        model.train(was); restore()
    return out

def merged_for_inference(model):
    "A plain model with any LoRA adapter folded into its weights (`W + B A`): the same outputs, fewer operations per token."
    if hasattr(model, "merge_and_unload") and hasattr(model, "peft_config"):
        inner = model.get_base_model()
        keep = {k: v for k, v in vars(inner).items() if k.startswith("dagger_")}
        model = model.merge_and_unload()
        for k, v in keep.items(): setattr(model, k, v)
    return model.eval()