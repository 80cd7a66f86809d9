# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QStackedWidget, QTableWidget, QVBoxLayout, QWidget)

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        IntakeForm.resize(560, 640)
        self.intakeLayout = QVBoxLayout(IntakeForm)
        self.intakeLayout.setSpacing(10)
        self.intakeLayout.setObjectName(u"intakeLayout")
        self.applicantBox = QGroupBox(IntakeForm)
        self.applicantBox.setObjectName(u"applicantBox")
        self.applicantLayout = QVBoxLayout(self.applicantBox)
        self.applicantLayout.setObjectName(u"applicantLayout")
        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.personRadio = QRadioButton(self.applicantBox)
        self.personRadio.setObjectName(u"personRadio")
        self.personRadio.setChecked(True)

        self.kindLayout.addWidget(self.personRadio)

        self.orgRadio = QRadioButton(self.applicantBox)
        self.orgRadio.setObjectName(u"orgRadio")

        self.kindLayout.addWidget(self.orgRadio)

        self.kindSpacer = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.applicantLayout.addLayout(self.kindLayout)

        self.applicantStack = QStackedWidget(self.applicantBox)
        self.applicantStack.setObjectName(u"applicantStack")
        self.personPage = QWidget()
        self.personPage.setObjectName(u"personPage")
        self.personGrid = QGridLayout(self.personPage)
        self.personGrid.setObjectName(u"personGrid")
        self.personGrid.setHorizontalSpacing(10)
        self.personGrid.setVerticalSpacing(4)
        self.personGrid.setContentsMargins(0, 0, 0, 0)
        self.personNameCaption = QLabel(self.personPage)
        self.personNameCaption.setObjectName(u"personNameCaption")

        self.personGrid.addWidget(self.personNameCaption, 0, 0, 1, 1)

        self.personNameEdit = QLineEdit(self.personPage)
        self.personNameEdit.setObjectName(u"personNameEdit")
        self.personNameEdit.setMaxLength(50)

        self.personGrid.addWidget(self.personNameEdit, 0, 1, 1, 1)

        self.personIdTypeCaption = QLabel(self.personPage)
        self.personIdTypeCaption.setObjectName(u"personIdTypeCaption")

        self.personGrid.addWidget(self.personIdTypeCaption, 1, 0, 1, 1)

        self.personIdTypeCombo = QComboBox(self.personPage)
        self.personIdTypeCombo.setObjectName(u"personIdTypeCombo")

        self.personGrid.addWidget(self.personIdTypeCombo, 1, 1, 1, 1)

        self.personIdCaption = QLabel(self.personPage)
        self.personIdCaption.setObjectName(u"personIdCaption")

        self.personGrid.addWidget(self.personIdCaption, 2, 0, 1, 1)

        self.personIdLayout = QHBoxLayout()
        self.personIdLayout.setObjectName(u"personIdLayout")
        self.personIdEdit = QLineEdit(self.personPage)
        self.personIdEdit.setObjectName(u"personIdEdit")
        self.personIdEdit.setMaxLength(40)

        self.personIdLayout.addWidget(self.personIdEdit)

        self.personIdDerived = QLabel(self.personPage)
        self.personIdDerived.setObjectName(u"personIdDerived")
        self.personIdDerived.setText(u"")

        self.personIdLayout.addWidget(self.personIdDerived)


        self.personGrid.addLayout(self.personIdLayout, 2, 1, 1, 1)

        self.personIdMessage = QLabel(self.personPage)
        self.personIdMessage.setObjectName(u"personIdMessage")
        self.personIdMessage.setText(u"")
        self.personIdMessage.setWordWrap(True)

        self.personGrid.addWidget(self.personIdMessage, 3, 1, 1, 1)

        self.personMobileCaption = QLabel(self.personPage)
        self.personMobileCaption.setObjectName(u"personMobileCaption")

        self.personGrid.addWidget(self.personMobileCaption, 4, 0, 1, 1)

        self.personMobileEdit = QLineEdit(self.personPage)
        self.personMobileEdit.setObjectName(u"personMobileEdit")
        self.personMobileEdit.setMaxLength(11)

        self.personGrid.addWidget(self.personMobileEdit, 4, 1, 1, 1)

        self.personMobileMessage = QLabel(self.personPage)
        self.personMobileMessage.setObjectName(u"personMobileMessage")
        self.personMobileMessage.setText(u"")
        self.personMobileMessage.setWordWrap(True)

        self.personGrid.addWidget(self.personMobileMessage, 5, 1, 1, 1)

        self.personGrid.setColumnStretch(1, 1)
        self.applicantStack.addWidget(self.personPage)
        self.orgPage = QWidget()
        self.orgPage.setObjectName(u"orgPage")
        self.orgGrid = QGridLayout(self.orgPage)
        self.orgGrid.setObjectName(u"orgGrid")
        self.orgGrid.setHorizontalSpacing(10)
        self.orgGrid.setVerticalSpacing(4)
        self.orgGrid.setContentsMargins(0, 0, 0, 0)
        self.orgNameCaption = QLabel(self.orgPage)
        self.orgNameCaption.setObjectName(u"orgNameCaption")

        self.orgGrid.addWidget(self.orgNameCaption, 0, 0, 1, 1)

        self.orgNameEdit = QLineEdit(self.orgPage)
        self.orgNameEdit.setObjectName(u"orgNameEdit")
        self.orgNameEdit.setMaxLength(100)

        self.orgGrid.addWidget(self.orgNameEdit, 0, 1, 1, 1)

        self.creditCodeCaption = QLabel(self.orgPage)
        self.creditCodeCaption.setObjectName(u"creditCodeCaption")

        self.orgGrid.addWidget(self.creditCodeCaption, 1, 0, 1, 1)

        self.creditCodeEdit = QLineEdit(self.orgPage)
        self.creditCodeEdit.setObjectName(u"creditCodeEdit")
        self.creditCodeEdit.setMaxLength(18)

        self.orgGrid.addWidget(self.creditCodeEdit, 1, 1, 1, 1)

        self.creditCodeMessage = QLabel(self.orgPage)
        self.creditCodeMessage.setObjectName(u"creditCodeMessage")
        self.creditCodeMessage.setText(u"")
        self.creditCodeMessage.setWordWrap(True)

        self.orgGrid.addWidget(self.creditCodeMessage, 2, 1, 1, 1)

        self.creditConfirmCheck = QCheckBox(self.orgPage)
        self.creditConfirmCheck.setObjectName(u"creditConfirmCheck")

        self.orgGrid.addWidget(self.creditConfirmCheck, 3, 1, 1, 1)

        self.legalRepCaption = QLabel(self.orgPage)
        self.legalRepCaption.setObjectName(u"legalRepCaption")

        self.orgGrid.addWidget(self.legalRepCaption, 4, 0, 1, 1)

        self.legalRepEdit = QLineEdit(self.orgPage)
        self.legalRepEdit.setObjectName(u"legalRepEdit")
        self.legalRepEdit.setMaxLength(50)

        self.orgGrid.addWidget(self.legalRepEdit, 4, 1, 1, 1)

        self.contactNameCaption = QLabel(self.orgPage)
        self.contactNameCaption.setObjectName(u"contactNameCaption")

        self.orgGrid.addWidget(self.contactNameCaption, 5, 0, 1, 1)

        self.contactNameEdit = QLineEdit(self.orgPage)
        self.contactNameEdit.setObjectName(u"contactNameEdit")
        self.contactNameEdit.setMaxLength(50)

        self.orgGrid.addWidget(self.contactNameEdit, 5, 1, 1, 1)

        self.contactPhoneCaption = QLabel(self.orgPage)
        self.contactPhoneCaption.setObjectName(u"contactPhoneCaption")

        self.orgGrid.addWidget(self.contactPhoneCaption, 6, 0, 1, 1)

        self.contactPhoneEdit = QLineEdit(self.orgPage)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")
        self.contactPhoneEdit.setMaxLength(20)

        self.orgGrid.addWidget(self.contactPhoneEdit, 6, 1, 1, 1)

        self.contactPhoneMessage = QLabel(self.orgPage)
        self.contactPhoneMessage.setObjectName(u"contactPhoneMessage")
        self.contactPhoneMessage.setText(u"")
        self.contactPhoneMessage.setWordWrap(True)

        self.orgGrid.addWidget(self.contactPhoneMessage, 7, 1, 1, 1)

        self.orgGrid.setColumnStretch(1, 1)
        self.applicantStack.addWidget(self.orgPage)

        self.applicantLayout.addWidget(self.applicantStack)


        self.intakeLayout.addWidget(self.applicantBox)

        self.agentBox = QGroupBox(IntakeForm)
        self.agentBox.setObjectName(u"agentBox")
        self.agentBox.setCheckable(True)
        self.agentBox.setChecked(False)
        self.agentLayout = QVBoxLayout(self.agentBox)
        self.agentLayout.setObjectName(u"agentLayout")
        self.agentLayout.setContentsMargins(-1, 4, -1, -1)

        self.intakeLayout.addWidget(self.agentBox)

        self.materialsBox = QGroupBox(IntakeForm)
        self.materialsBox.setObjectName(u"materialsBox")
        self.materialsLayout = QVBoxLayout(self.materialsBox)
        self.materialsLayout.setObjectName(u"materialsLayout")
        self.materialsTable = QTableWidget(self.materialsBox)
        self.materialsTable.setObjectName(u"materialsTable")
        self.materialsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materialsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.materialsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materialsTable.setAlternatingRowColors(True)
        self.materialsTable.setWordWrap(True)
        self.materialsTable.horizontalHeader().setStretchLastSection(False)
        self.materialsTable.verticalHeader().setVisible(False)

        self.materialsLayout.addWidget(self.materialsTable)

        self.materialsButtons = QHBoxLayout()
        self.materialsButtons.setObjectName(u"materialsButtons")
        self.allMaterialsButton = QPushButton(self.materialsBox)
        self.allMaterialsButton.setObjectName(u"allMaterialsButton")

        self.materialsButtons.addWidget(self.allMaterialsButton)

        self.materialsHint = QLabel(self.materialsBox)
        self.materialsHint.setObjectName(u"materialsHint")
        self.materialsHint.setText(u"")
        self.materialsHint.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.materialsHint.sizePolicy().hasHeightForWidth())
        self.materialsHint.setSizePolicy(sizePolicy)

        self.materialsButtons.addWidget(self.materialsHint)

        self.materialsSpacer = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.materialsButtons.addItem(self.materialsSpacer)


        self.materialsLayout.addLayout(self.materialsButtons)


        self.intakeLayout.addWidget(self.materialsBox)

        self.decisionBox = QGroupBox(IntakeForm)
        self.decisionBox.setObjectName(u"decisionBox")
        self.decisionGrid = QGridLayout(self.decisionBox)
        self.decisionGrid.setObjectName(u"decisionGrid")
        self.decisionGrid.setHorizontalSpacing(10)
        self.decisionGrid.setVerticalSpacing(4)
        self.decisionGrid.setContentsMargins(9, 6, 0, 0)
        self.decisionCaption = QLabel(self.decisionBox)
        self.decisionCaption.setObjectName(u"decisionCaption")

        self.decisionGrid.addWidget(self.decisionCaption, 0, 0, 1, 1)

        self.decisionCombo = QComboBox(self.decisionBox)
        self.decisionCombo.setObjectName(u"decisionCombo")

        self.decisionGrid.addWidget(self.decisionCombo, 0, 1, 1, 1)

        self.dispositionCaption = QLabel(self.decisionBox)
        self.dispositionCaption.setObjectName(u"dispositionCaption")

        self.decisionGrid.addWidget(self.dispositionCaption, 1, 0, 1, 1)

        self.dispositionLabel = QLabel(self.decisionBox)
        self.dispositionLabel.setObjectName(u"dispositionLabel")

        self.decisionGrid.addWidget(self.dispositionLabel, 1, 1, 1, 1)

        self.dueDateCaption = QLabel(self.decisionBox)
        self.dueDateCaption.setObjectName(u"dueDateCaption")

        self.decisionGrid.addWidget(self.dueDateCaption, 2, 0, 1, 1)

        self.dueDateLabel = QLabel(self.decisionBox)
        self.dueDateLabel.setObjectName(u"dueDateLabel")
        self.dueDateLabel.setText(u"")
        self.dueDateLabel.setWordWrap(True)

        self.decisionGrid.addWidget(self.dueDateLabel, 2, 1, 1, 1)

        self.decisionStack = QStackedWidget(self.decisionBox)
        self.decisionStack.setObjectName(u"decisionStack")

        self.decisionGrid.addWidget(self.decisionStack, 3, 0, 1, 2)

        self.feeCaption = QLabel(self.decisionBox)
        self.feeCaption.setObjectName(u"feeCaption")

        self.decisionGrid.addWidget(self.feeCaption, 4, 0, 1, 1)

        self.feeLayout = QHBoxLayout()
        self.feeLayout.setObjectName(u"feeLayout")
        self.feeLabel = QLabel(self.decisionBox)
        self.feeLabel.setObjectName(u"feeLabel")
        self.feeLabel.setText(u"")
        self.feeLabel.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.feeLabel.sizePolicy().hasHeightForWidth())
        self.feeLabel.setSizePolicy(sizePolicy)

        self.feeLayout.addWidget(self.feeLabel)

        self.feeStateCombo = QComboBox(self.decisionBox)
        self.feeStateCombo.setObjectName(u"feeStateCombo")
        self.feeStateCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.feeLayout.addWidget(self.feeStateCombo)


        self.decisionGrid.addLayout(self.feeLayout, 4, 1, 1, 1)

        self.decisionGrid.setColumnStretch(1, 1)

        self.intakeLayout.addWidget(self.decisionBox)

        self.acceptLayout = QHBoxLayout()
        self.acceptLayout.setObjectName(u"acceptLayout")
        self.missingLabel = QLabel(IntakeForm)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setText(u"")
        self.missingLabel.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.missingLabel.sizePolicy().hasHeightForWidth())
        self.missingLabel.setSizePolicy(sizePolicy)

        self.acceptLayout.addWidget(self.missingLabel)

        self.acceptButton = QPushButton(IntakeForm)
        self.acceptButton.setObjectName(u"acceptButton")
        self.acceptButton.setEnabled(False)
        self.acceptButton.setMinimumSize(QSize(140, 36))

        self.acceptLayout.addWidget(self.acceptButton)


        self.intakeLayout.addLayout(self.acceptLayout)

#if QT_CONFIG(shortcut)
        self.personNameCaption.setBuddy(self.personNameEdit)
        self.personIdTypeCaption.setBuddy(self.personIdTypeCombo)
        self.personIdCaption.setBuddy(self.personIdEdit)
        self.personMobileCaption.setBuddy(self.personMobileEdit)
        self.orgNameCaption.setBuddy(self.orgNameEdit)
        self.creditCodeCaption.setBuddy(self.creditCodeEdit)
        self.legalRepCaption.setBuddy(self.legalRepEdit)
        self.contactNameCaption.setBuddy(self.contactNameEdit)
        self.contactPhoneCaption.setBuddy(self.contactPhoneEdit)
        self.decisionCaption.setBuddy(self.decisionCombo)
        self.feeCaption.setBuddy(self.feeStateCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.personRadio, self.orgRadio)
        QWidget.setTabOrder(self.orgRadio, self.personNameEdit)
        QWidget.setTabOrder(self.personNameEdit, self.personIdTypeCombo)
        QWidget.setTabOrder(self.personIdTypeCombo, self.personIdEdit)
        QWidget.setTabOrder(self.personIdEdit, self.personMobileEdit)
        QWidget.setTabOrder(self.personMobileEdit, self.orgNameEdit)
        QWidget.setTabOrder(self.orgNameEdit, self.creditCodeEdit)
        QWidget.setTabOrder(self.creditCodeEdit, self.creditConfirmCheck)
        QWidget.setTabOrder(self.creditConfirmCheck, self.legalRepEdit)
        QWidget.setTabOrder(self.legalRepEdit, self.contactNameEdit)
        QWidget.setTabOrder(self.contactNameEdit, self.contactPhoneEdit)
        QWidget.setTabOrder(self.contactPhoneEdit, self.agentBox)
        QWidget.setTabOrder(self.agentBox, self.materialsTable)
        QWidget.setTabOrder(self.materialsTable, self.allMaterialsButton)
        QWidget.setTabOrder(self.allMaterialsButton, self.decisionCombo)
        QWidget.setTabOrder(self.decisionCombo, self.feeStateCombo)
        QWidget.setTabOrder(self.feeStateCombo, self.acceptButton)

        self.retranslateUi(IntakeForm)

        self.applicantStack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        IntakeForm.setWindowTitle(QCoreApplication.translate("IntakeForm", u"Intake", None))
        self.applicantBox.setTitle(QCoreApplication.translate("IntakeForm", u"Applicant", None))
        self.personRadio.setText(QCoreApplication.translate("IntakeForm", u"&Person", None))
        self.orgRadio.setText(QCoreApplication.translate("IntakeForm", u"&Organization", None))
        self.personNameCaption.setText(QCoreApplication.translate("IntakeForm", u"&Name:", None))
        self.personIdTypeCaption.setText(QCoreApplication.translate("IntakeForm", u"Document &type:", None))
        self.personIdCaption.setText(QCoreApplication.translate("IntakeForm", u"ID n&umber:", None))
        self.personMobileCaption.setText(QCoreApplication.translate("IntakeForm", u"&Mobile:", None))
        self.orgNameCaption.setText(QCoreApplication.translate("IntakeForm", u"Organization &name:", None))
        self.creditCodeCaption.setText(QCoreApplication.translate("IntakeForm", u"&Credit code:", None))
        self.creditConfirmCheck.setText(QCoreApplication.translate("IntakeForm", u"I have compared the code with the business licence; it is correct", None))
        self.legalRepCaption.setText(QCoreApplication.translate("IntakeForm", u"&Legal representative:", None))
        self.contactNameCaption.setText(QCoreApplication.translate("IntakeForm", u"Con&tact person:", None))
        self.contactPhoneCaption.setText(QCoreApplication.translate("IntakeForm", u"Contact &mobile:", None))
        self.agentBox.setTitle(QCoreApplication.translate("IntakeForm", u"A&gent (acting for the applicant)", None))
        self.materialsBox.setTitle(QCoreApplication.translate("IntakeForm", u"Materials received", None))
        self.allMaterialsButton.setText(QCoreApplication.translate("IntakeForm", u"Mar&k all received", None))
        self.decisionBox.setTitle(QCoreApplication.translate("IntakeForm", u"Decision", None))
        self.decisionCaption.setText(QCoreApplication.translate("IntakeForm", u"&Decision:", None))
        self.dispositionCaption.setText(QCoreApplication.translate("IntakeForm", u"Case kind:", None))
        self.dispositionLabel.setText(QCoreApplication.translate("IntakeForm", u"Promised case", None))
        self.dueDateCaption.setText(QCoreApplication.translate("IntakeForm", u"Due date:", None))
        self.feeCaption.setText(QCoreApplication.translate("IntakeForm", u"F&ee:", None))
        self.acceptButton.setText(QCoreApplication.translate("IntakeForm", u"&Accept", None))
    # retranslateUi

