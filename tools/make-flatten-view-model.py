#!/usr/bin/env python3
"""Writes src/test/resources/dev/fusionlab/encode/flatten_view.pt, the test model of
ImageEncoderLayoutTest: it flattens the image with view(), which works on a contiguous NCHW batch and
is refused on a channels-last one. Run with Debian's python3-torch: /usr/bin/python3 tools/make-flatten-view-model.py"""
import torch


class FlattenView(torch.nn.Module):
    def forward(self, x):
        flat = x.view(x.shape[0], -1)
        return flat[:, :6] * 2.0


model = torch.jit.script(FlattenView())
model.save("src/test/resources/dev/fusionlab/encode/flatten_view.pt")
x = torch.rand(2, 3, 4, 4)
assert model(x).shape == (2, 6)
try:
    model(x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2))
    raise SystemExit("expected view() to refuse a channels-last batch")
except RuntimeError:
    pass
