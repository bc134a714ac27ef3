__all__ = ['SYSTEM_PROMPT', 'OPERATIONS', 'EXAMPLE_QUESTION', 'EXAMPLE_GRAPH', 'FEWSHOT_EXAMPLES', 'ANSWER_OPENING', 'CHAT_STYLES', 'COMPLETION_STYLES', 'graph_block', 'paper_prompt', 'compact_prompt', 'build_messages', 'fewshot_block', 'fewshot_prompt', 'answer_opening', 'prompt_text', 'prompt_ids', 'Solution', 'stop_token_ids', 'cut_answer', 'solve']

# %% ../nbs/05_models.ipynb #a8f7c895
import json, re, time
from dataclasses import dataclass, field

SYSTEM_PROMPT = "You are an expert Bangla Math Reasoner. Solve by constructing a Computational Graph."

OPERATIONS = {
    "const": "a number from the problem (put it in `val`)",
    "identity": "pass one value through (used by `final_result`)",
    "add": "sum of two or more args", "mul": "product of two or more args",
    "sub": "a - b", "div": "a / b",
    "sum": "sum of a list", "mean": "average of a list", "min": "smallest", "max": "largest",
    "abs": "|a| or |a - b|", "round": "nearest integer", "floor": "round down", "ceil": "round up",
    "sqrt": "square root", "pow": "a to the power b", "mod": "remainder of a / b",
    "gcd": "greatest common divisor", "lcm": "least common multiple",
}

EXAMPLE_QUESTION = ("রিনার কাছে ১২টি আপেল আছে। সে প্রতিটি আপেল ৫ টাকায় বিক্রি করল। তার ভাই রাজুর কাছে ৭টি কলা আছে। "
                    "রিনা গতকাল ৩ ঘণ্টা বাজারে ছিল। রিনা মোট কত টাকা পেল?")
EXAMPLE_GRAPH = {"nodes": [
    {"id": "n1", "op": "const", "val": 12, "distractor": False, "label": "রিনার আপেল"},
    {"id": "n2", "op": "const", "val": 5, "distractor": False, "label": "প্রতি আপেলের দাম"},
    {"id": "n3", "op": "const", "val": 7, "distractor": True, "label": "রাজুর কলা"},
    {"id": "n4", "op": "const", "val": 3, "distractor": True, "label": "বাজারে সময় (ঘণ্টা)"},
    {"id": "total", "op": "mul", "args": ["n1", "n2"], "distractor": False, "label": "মোট টাকা"},
    {"id": "final_result", "op": "identity", "args": ["total"], "distractor": False, "label": "উত্তর"},
]}

def graph_block(graph, labels: bool = True, tight: bool = False) -> str:
    """A graph (dict, JSON text, or an object with `to_json`) as the ```json block a model should write, one node per line.
    `labels=False` drops the labels and `tight=True` the spaces inside each node: each makes answers about a quarter shorter."""
    if hasattr(graph, "to_json"):
        graph = graph.to_json()
    if isinstance(graph, str):
        try: graph = json.loads(graph)
        except json.JSONDecodeError as e: raise ValueError(f"the graph is not valid JSON ({e.msg} at character {e.pos})") from None
    if not isinstance(graph, dict) or not isinstance(graph.get("nodes"), list):
        raise ValueError('the graph has no "nodes" list: write it as {"nodes": [...]}')
    nodes = [n if labels else {k: v for k, v in n.items() if k != "label"} for n in graph["nodes"]]
    if tight:
        return "```json\n{\"nodes\":[\n" + ",\n".join(json.dumps(n, ensure_ascii=False, separators=(",", ":")) for n in nodes) + "\n]}\n```"
    nodes = ",\n".join("  " + json.dumps(n, ensure_ascii=False) for n in nodes)
    return "```json\n{\"nodes\": [\n" + nodes + "\n]}\n```"

def paper_prompt(question: str) -> str:
    "The full instruction: graph rules, the operation list, a worked Bangla example with distractors, then the question."
    ops = "\n".join(f"- `{k}`: {v}" for k, v in OPERATIONS.items())
    return (
        "Solve the Bangla math word problem by writing a computational graph, not prose.\n\n"
        "Rules:\n"
        "1. Every number mentioned in the problem becomes a `const` node with its value in `val`.\n"
        "2. Every calculation is a node whose `args` are ids of earlier nodes (nodes in topological order).\n"
        "3. Exactly one node has id `final_result`; it is an `identity` of the answer node.\n"
        "4. Mark a node `\"distractor\": true` when the answer does not depend on it (irrelevant numbers), else false.\n"
        "5. Give every node a short Bangla `label`.\n\n"
        f"Operations:\n{ops}\n\n"
        f"Example problem:\n{EXAMPLE_QUESTION}\n\nExample answer:\n{graph_block(EXAMPLE_GRAPH)}\n\n"
        "Answer with only one ```json block and nothing else.\n\n"
        f"Problem:\n{question}"
    )

def compact_prompt(question: str) -> str:
    "A short instruction for small models: the contract in a few lines, then the question."
    return ("Write a JSON computational graph for the problem: numbers are `const` nodes, steps use ops "
            "add/sub/mul/div/sum/mean/min/max/round/pow/mod, irrelevant numbers get \"distractor\": true, "
            "and the last node is `final_result` (identity). Reply with one ```json block only.\n\n"
            f"{question}")

def build_messages(question: str, style: str = "compact") -> list[dict]:
    "Chat messages for `question`: `style` is 'compact', 'paper' (both with the system message) or 'system' (released checkpoints)."
    if not isinstance(question, str) or not question.strip():
        raise ValueError(f"question must be a non-empty string, got {question!r}")
    if style == "compact":
        user = compact_prompt(question)
    elif style == "paper":
        user = paper_prompt(question)
    elif style == "system":
        user = question
    else:
        raise ValueError(f"unknown prompt style {style!r}; use 'compact', 'paper' or 'system'")
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]

# %% ../nbs/05_models.ipynb #791b41a4
def _c(i, v, d=False): return {"id": i, "op": "const", "val": v, "distractor": d}
def _o(i, op, *args): return {"id": i, "op": op, "args": list(args), "distractor": False}

FEWSHOT_EXAMPLES = (   # two worked problems in the cpu data's style (ASCII digits, label-free tight graphs), each with distractors
    ("রিনার কাছে 12টি আপেল আছে। সে প্রতিটি আপেল 5 টাকায় বিক্রি করল। তার ভাই রাজুর কাছে 7টি কলা আছে। রিনা মোট কত টাকা পেল?",
     {"nodes": [_c("n1", 12), _c("n2", 5), _c("n3", 7, True), _o("n4", "mul", "n1", "n2"), _o("final_result", "identity", "n4")]}),
    ("রনির কাছে 50 টাকা ছিল। সে 4টি কলম কিনল, প্রতিটির দাম 8 টাকা। তার বোনের কাছে 20 টাকা আছে। রনির কাছে এখন কত টাকা রইল?",
     {"nodes": [_c("n1", 50), _c("n2", 4), _c("n3", 8), _c("n4", 20, True), _o("n5", "mul", "n2", "n3"), _o("n6", "sub", "n1", "n5"),
                _o("final_result", "identity", "n6")]}),
)
ANSWER_OPENING = '```json\n{"nodes":[\n'   # the fewshot prompt writes the answer's first line; the model continues it

def fewshot_block(question: str) -> str:
    "One problem as the fewshot prompt asks it: the problem, then the answer's opening for the model to continue."
    return f"Problem: {question}\nGraph:\n{ANSWER_OPENING}"

def fewshot_prompt(question: str) -> str:
    """A plain completion prompt (no chat turns) for base models: one line of instruction, the worked examples
    written out in full, then `question` with the answer already opened. The text before `question` is the same
    for every problem, so its keys and values can be computed once and shared (see `generate_ids`)."""
    shots = "\n\n".join(fewshot_block(q)[:-len(ANSWER_OPENING)] + graph_block(g, labels=False, tight=True) for q, g in FEWSHOT_EXAMPLES)
    return ("Bangla math word problems, each solved as a JSON computational graph: numbers are const nodes, steps are "
            "operations on earlier nodes, numbers the answer does not need are marked \"distractor\":true.\n\n"
            f"{shots}\n\n{fewshot_block(question)}")

CHAT_STYLES, COMPLETION_STYLES = ("compact", "paper", "system"), ("fewshot",)

def answer_opening(style: str) -> str:
    "What the prompt of `style` has already written of the answer (prepended to a completion before it is judged)."
    return ANSWER_OPENING if style in COMPLETION_STYLES else ""

def prompt_text(question: str, style: str, tokenizer) -> str:
    "The full prompt text for `question`: the chat template around `build_messages` for chat styles, the plain text for 'fewshot'."
    if style == "fewshot":
        if not isinstance(question, str) or not question.strip():
            raise ValueError(f"question must be a non-empty string, got {question!r}")
        return fewshot_prompt(question)
    return tokenizer.apply_chat_template(build_messages(question, style), tokenize=False, add_generation_prompt=True)

def prompt_ids(question: str, style: str, tokenizer) -> list[int]:
    "The prompt's token ids: chat templates write their own <bos>; a plain completion prompt gets it from the tokenizer."
    return tokenizer(prompt_text(question, style, tokenizer), add_special_tokens=style in COMPLETION_STYLES)["input_ids"]

# %% ../nbs/05_models.ipynb #577988f8
@dataclass
class Solution:
    "One answer: the raw `text`, the parsed `graph` (or None), the executed `value` (or None), the `error` and the completion length."
    question: str
    text: str
    graph: object = None
    value: float | None = None
    error: str | None = None
    n_tokens: int = 0
    stage: str | None = None          # where it failed: "parse", "check", "execute" or None
    distractors: list = field(default_factory=list)   # executor-derived distractor ids
    claimed: list = field(default_factory=list)       # ids the model marked as distractors

    @property
    def ok(self) -> bool:
        return self.error is None and self.value is not None

def _fence_closed(text: str) -> bool:
    i = text.find("```")
    return i >= 0 and text.find("```", i + 3) >= 0

class _StopOnFence:
    "Stopping criterion: a row is done once its completion (after what the prompt already `opened`) holds a closed ``` fence."
    def __init__(self, tokenizer, prompt_len: int, opened: str = ""):
        self.tokenizer, self.prompt_len, self.opened = tokenizer, prompt_len, opened
    def __call__(self, input_ids, scores, **kw):
        import torch
        tails = self.tokenizer.batch_decode(input_ids[:, self.prompt_len:], skip_special_tokens=True)
        return torch.tensor([_fence_closed(self.opened + t) for t in tails], device=input_ids.device)

def stop_token_ids(tokenizer) -> list[int]:
    "Token ids that end an answer: end-of-sequence and Gemma's end-of-turn (when the vocabulary has them)."
    ids = []
    for tok in (tokenizer.eos_token, "<end_of_turn>", "<eos>"):
        if tok is None:
            continue
        i = tokenizer.convert_tokens_to_ids(tok)
        if isinstance(i, int) and i != tokenizer.unk_token_id and i not in ids:
            ids.append(i)
    return ids

def cut_answer(text: str) -> str:
    "The completion up to and including the closing fence of its first ``` block (drops trailing chatter)."
    i = text.find("```")
    if i < 0:
        return text
    j = text.find("```", i + 3)
    return text if j < 0 else text[: j + 3]

def _hf_generate(model, tokenizer, prompts: list[list[int]], max_new_tokens, sampling, stop_ids, pad_id, gen, opened: str = "") -> list[list[int]]:
    "Completions through `model.generate` (the GPU path, where Unsloth brings its own fast generation): one padded batch."
    import torch
    L = max(map(len, prompts))
    ids = torch.tensor([[pad_id] * (L - len(p)) + p for p in prompts], device=model.device)
    mask = torch.tensor([[0] * (L - len(p)) + [1] * len(p) for p in prompts], device=model.device)
    kwargs = dict(max_new_tokens=max_new_tokens, do_sample=sampling.do_sample, pad_token_id=pad_id, eos_token_id=list(stop_ids),
                  stopping_criteria=[_StopOnFence(tokenizer, L, opened)])
    kwargs.update(dict(temperature=sampling.temperature, top_p=sampling.top_p, top_k=sampling.top_k) if sampling.do_sample
                  else dict(temperature=None, top_p=None, top_k=None))
    with torch.no_grad():
        rows = model.generate(input_ids=ids, attention_mask=mask, **{**kwargs, **gen})[:, L:].tolist()
    def cut(row):   # up to and including the stop token; the padding after a row stopped at its fence is not part of it
        return row[: next((n + (t in stop_ids) for n, t in enumerate(row) if t in stop_ids or t == pad_id), len(row))]
    return [cut(r) for r in rows]

def solve(questions, model, tokenizer, style: str | None = None, batch_size: int = 8, max_new_tokens: int = 256,
          do_sample: bool = False, temperature: float = 1.0, top_p: float = 1.0, top_k: int = 0,
          progress: bool = True, engine: str = "auto", **gen) -> list[Solution]:
    """Answer each question with a graph, execute it, and return one `Solution` per question (same order).
    `style` defaults to the prompt style the model was trained with (remembered by `load_model`), else 'compact'.
    `engine`: 'fast' (`generate.generate_ids`, the CPU default), 'generate' (`model.generate`, the GPU default) or 'auto'."""
    from tqdm.auto import tqdm
    from dagger_nb.executor import run
    from dagger_nb.generate import FenceStop, Sampling, generate_ids
    style = style or getattr(tokenizer, "dagger_prompt_style", None) or "compact"
    questions = [questions] if isinstance(questions, str) else list(questions)
    if not 1 <= max_new_tokens <= 8192:
        raise ValueError(f"max_new_tokens={max_new_tokens} is out of range; use 1..8192")
    if engine not in ("auto", "fast", "generate"): raise ValueError(f"engine must be 'auto', 'fast' or 'generate', not {engine!r}")
    fast = engine == "fast" or (engine == "auto" and model.device.type == "cpu" and not gen)
    sampling = Sampling(do_sample, temperature, top_k, top_p)
    stops, pad_id = stop_token_ids(tokenizer), tokenizer.pad_token_id if tokenizer.pad_token_id is not None else stop_token_ids(tokenizer)[0]
    opening = answer_opening(style)                 # what the prompt already wrote of the answer
    fence = FenceStop(tokenizer, opened=opening.count("```")) if fast else None
    out: list[Solution] = []
    was_training = model.training
    model.eval()
    try:
        bar = tqdm(range(0, len(questions), batch_size), desc="solve", disable=not progress or len(questions) <= batch_size)
        for start in bar:
            batch = questions[start : start + batch_size]
            prompts = [prompt_ids(q, style, tokenizer) for q in batch]
            rows = (generate_ids(model, prompts, max_new_tokens, stops, sampling, batch_size, fence, pad_id=pad_id) if fast
                    else _hf_generate(model, tokenizer, prompts, max_new_tokens, sampling, stops, pad_id, gen, opening))
            for q, row in zip(batch, rows):
                text = cut_answer(opening + tokenizer.decode(row, skip_special_tokens=True)).strip()
                r = run(text)
                out.append(Solution(question=q, text=text, graph=r.graph, value=r.value, error=r.error, n_tokens=len(row),
                                    stage=r.stage, distractors=list(r.distractors or []), claimed=list(r.claimed or [])))
    finally:
        model.train(was_training)
    return out