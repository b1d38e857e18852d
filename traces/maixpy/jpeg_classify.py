# jpeg-classify: classify the JPEG files in /sd/images, one file a frame, as
# `gcsim synth jpeg-classify` models it (src/synth/jpeg_classify.cpp). Needs images/ beside it
# (/sd is the current folder when recording). Record with:
# gcsim record jpeg_classify.py --kpu-output 20
import os
import image
import KPU as kpu

labels = ['aeroplane', 'bicycle', 'bird', 'boat', 'bottle', 'bus', 'car', 'cat', 'chair',
          'cow', 'diningtable', 'dog', 'horse', 'motorbike', 'person', 'pottedplant', 'sheep',
          'sofa', 'train', 'tvmonitor']
task = kpu.load(0x200000)
files = os.listdir('/sd/images')
results = []


def classify(path):
    img = image.Image(path)
    img2 = img.resize(224, 224)
    img2.pix_to_ai()
    fmap = kpu.forward(task, img2)
    plist = fmap[:]
    pmax = max(plist)
    return labels[plist.index(pmax)], pmax


for name in files:
    path = '/sd/images/' + name
    label, p = classify(path)
    results.append((name, label, p))
    print('%s: %s %.2f' % (name, label, p))
