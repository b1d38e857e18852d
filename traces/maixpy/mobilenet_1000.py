# mobilenet-1000: MaixPy's 1000-class MobileNet demo, as `gcsim synth mobilenet-1000` models it
# (src/synth/mobilenet_1000.cpp). Needs labels.txt (1,000 lines) beside it. Record with:
# gcsim record mobilenet_1000.py --frames 20 --kpu-output 1000
import sensor
import image
import lcd
import time
import KPU as kpu

lcd.init()
sensor.reset()
sensor.set_pixformat(sensor.RGB565)
sensor.set_framesize(sensor.QVGA)
sensor.set_windowing((224, 224))
sensor.run(1)
f = open('labels.txt', 'r')
labels = f.readlines()
f.close()
task = kpu.load(0x200000)
clock = time.clock()
while(True):
    img = sensor.snapshot()
    clock.tick()
    fmap = kpu.forward(task, img)
    fps = clock.fps()
    plist = fmap[:]
    pmax = max(plist)
    max_index = plist.index(pmax)
    a = lcd.display(img, oft=(0, 0))
    lcd.draw_string(0, 224, "%.2f:%s                            " % (pmax, labels[max_index].strip()))
    print(fps)
