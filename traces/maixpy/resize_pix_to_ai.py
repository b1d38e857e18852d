# resize-pix-to-ai: a 20-class classifier whose model wants 224x224 input from a QVGA sensor, as
# `gcsim synth resize-pix-to-ai` models it (src/synth/resize_pix_to_ai.cpp). Record with:
# gcsim record resize_pix_to_ai.py --frames 40 --kpu-output 20
import sensor
import image
import lcd
import time
import KPU as kpu

lcd.init()
sensor.reset()
sensor.set_pixformat(sensor.RGB565)
sensor.set_framesize(sensor.QVGA)
sensor.run(1)
labels = ['aeroplane', 'bicycle', 'bird', 'boat', 'bottle', 'bus', 'car', 'cat', 'chair',
          'cow', 'diningtable', 'dog', 'horse', 'motorbike', 'person', 'pottedplant', 'sheep',
          'sofa', 'train', 'tvmonitor']
task = kpu.load(0x200000)
clock = time.clock()
while True:
    clock.tick()
    img = sensor.snapshot()
    img2 = img.resize(224, 224)
    img2.pix_to_ai()
    fmap = kpu.forward(task, img2)
    plist = fmap[:]
    pmax = max(plist)
    idx = plist.index(pmax)
    img.draw_string(0, 0, "%s %.2f" % (labels[idx], pmax), scale=2)
    lcd.display(img)
    print(clock.fps())
