__all__ = ['FreshExtraModules']

# %% ../nbs/02_graph.ipynb #68c8b9c9
class FreshExtraModules:
    "nbdev export processor (pyproject `export_procs`): empties every `#| export <module>` target of the notebook before nbdev appends to it, so exporting twice never duplicates code."
    def __init__(self, nb):
        from nbdev.config import get_config
        lib = get_config().lib_path
        mods = {c.directives_[k].split()[0] for c in nb.cells for k in ("export", "exporti", "exports")
                if k in (getattr(c, "directives_", None) or {}) and c.directives_[k].split()}
        for m in mods:
            f = lib / (m.replace(".", "/") + ".py")
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text("__all__ = []\n", encoding="utf-8")